#pragma once

#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

namespace nicecream::events::redis {

// A message read off Redis as a JSON object: anyone who can publish on the channel may send
// anything, so text that is too large, not JSON or not an object is an error, never an exception.
struct MessageObject {
  boost::json::value value;  // an object when `error` is empty
  std::string error;

  const boost::json::object& object() const { return value.get_object(); }
};
MessageObject parse_message_object(std::string_view text);

// The string field `name`, or null when it is absent or not a string.
const boost::json::string* text_field(const boost::json::object& object, std::string_view name);

}  // namespace nicecream::events::redis

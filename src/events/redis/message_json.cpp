#include "events/redis/message_json.hpp"

#include <boost/json/parse.hpp>

namespace nicecream::events::redis {

namespace {

// Our messages are a few hundred bytes; anything far larger is not one of ours.
constexpr std::size_t kMaxMessageBytes = 64 * 1024;

}  // namespace

MessageObject parse_message_object(std::string_view text) {
  if (text.size() > kMaxMessageBytes)
    return {nullptr, "message of " + std::to_string(text.size()) + " bytes is too large"};
  boost::system::error_code error;
  auto value = boost::json::parse(text, error);
  if (error) return {nullptr, "not JSON (" + error.message() + ")"};
  if (!value.is_object()) return {nullptr, "not a JSON object"};
  return {std::move(value), {}};
}

const boost::json::string* text_field(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  return value ? value->if_string() : nullptr;
}

}  // namespace nicecream::events::redis

#include "crawler/sources/json_text.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace nicecream::crawler::sources {

std::optional<boost::json::value> parse_json(std::string_view body) {
  boost::system::error_code error;
  auto value = boost::json::parse(boost::json::string_view(body.data(), body.size()), error);
  if (error) return std::nullopt;
  return value;
}

ParseResult title_from_json(const boost::json::value* value, std::string_view what) {
  if (value == nullptr || value->is_null()) return ParseResult::no_song();
  if (const auto* text = value->if_string()) return ParseResult::found(std::string(*text));
  if (value->is_number()) return ParseResult::found(boost::json::serialize(*value));
  return ParseResult::failure(std::string(what) + " is not text");
}

}  // namespace nicecream::crawler::sources

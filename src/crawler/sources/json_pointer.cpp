#include "crawler/sources/json_pointer.hpp"

#include <string>

#include "crawler/sources/json_text.hpp"

namespace nicecream::crawler::sources {

namespace {
const boost::json::value* find_at(const boost::json::value& document, std::string_view pointer,
                                  bool& malformed) {
  boost::system::error_code error;
  const auto* found =
      document.find_pointer(boost::json::string_view(pointer.data(), pointer.size()), error);
  malformed =
      error == boost::json::error::missing_slash || error == boost::json::error::invalid_escape;
  return found;
}
}  // namespace

ParseResult parse_json_pointer(std::string_view body, std::string_view pointer) {
  const auto document = parse_json(body);
  if (!document) return ParseResult::failure("answer is not JSON");
  bool malformed = false;
  if (!pointer.empty()) {
    const auto* value = find_at(*document, pointer, malformed);
    if (malformed) return ParseResult::failure("invalid JSON pointer " + std::string(pointer));
    if (value == nullptr) return ParseResult::failure("nothing at " + std::string(pointer));
    return title_from_json(value, pointer);
  }
  for (const auto known : kWellKnownTitlePointers)
    if (const auto* value = find_at(*document, known, malformed))
      return title_from_json(value, known);
  return ParseResult::failure("no title pointer set and no well-known title field found");
}

}  // namespace nicecream::crawler::sources

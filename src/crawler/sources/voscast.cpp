#include "crawler/sources/voscast.hpp"

#include <optional>

#include "crawler/sources/js_string.hpp"

namespace nicecream::crawler::sources {

namespace {
constexpr std::string_view kSongTitleKey = "songtitle";
constexpr std::string_view kDocumentWrite = "document.write(";

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$';
}

// Where the `songtitle` key ends: the word alone (a name like update_songtitle does not count),
// quoted or not, followed by its colon.
std::optional<std::size_t> find_songtitle_key(std::string_view body) {
  for (auto at = body.find(kSongTitleKey); at != std::string_view::npos;
       at = body.find(kSongTitleKey, at + 1)) {
    auto end = at + kSongTitleKey.size();
    if (at > 0 && is_identifier_char(body[at - 1])) continue;
    if (end < body.size() && (body[end] == '"' || body[end] == '\'')) ++end;
    end = skip_js_whitespace(body, end);
    if (end < body.size() && body[end] == ':') return end + 1;
  }
  return std::nullopt;
}

// The value after the `songtitle` key; `pos` is just past its colon.
ParseResult read_songtitle_value(std::string_view body, std::size_t pos) {
  pos = skip_js_whitespace(body, pos);
  if (body.substr(pos, 4) == "null") return ParseResult::no_song();
  if (auto title = read_js_string(body, pos)) return ParseResult::found(std::move(*title));
  return ParseResult::failure("songtitle is not a string");
}
}  // namespace

ParseResult parse_voscast(std::string_view body) {
  if (const auto value = find_songtitle_key(body)) return read_songtitle_value(body, *value);
  if (const auto call = body.find(kDocumentWrite); call != std::string_view::npos) {
    auto pos = skip_js_whitespace(body, call + kDocumentWrite.size());
    if (auto title = read_js_string(body, pos)) return ParseResult::found(std::move(*title));
  }
  return ParseResult::failure("no songtitle in the display.js answer");
}

}  // namespace nicecream::crawler::sources

#include "crawler/sources/shoutcast.hpp"

#include <algorithm>
#include <string>

#include "crawler/sources/ascii_text.hpp"
#include "crawler/sources/json_text.hpp"

namespace nicecream::crawler::sources {

namespace {
constexpr int kFieldsBeforeTitle = 6;

// The text between `<tag>` and `</tag>`, found without regard to case.
std::optional<std::string_view> element_text(std::string_view body, std::string_view tag) {
  const auto lowered = ascii_lower(body);
  // Built by append: GCC 12 warns falsely (-Wrestrict, PR 105329) on "<" + std::string(...).
  std::string open("<");
  open.append(tag).append(">");
  std::string close("</");
  close.append(tag).append(">");
  const auto start = lowered.find(open);
  if (start == std::string::npos) return std::nullopt;
  const auto from = start + open.size();
  const auto end = lowered.find(close, from);
  if (end == std::string::npos) return std::nullopt;
  return body.substr(from, end - from);
}

ParseResult parse_stats_json(std::string_view body) {
  const auto document = parse_json(body);
  if (!document || !document->is_object()) return ParseResult::failure("stats answer is not JSON");
  const auto* title = document->get_object().if_contains("songtitle");
  if (title == nullptr) return ParseResult::failure("stats answer has no songtitle");
  return title_from_json(title, "songtitle");
}

ParseResult parse_stats_xml(std::string_view body) {
  const auto title = element_text(body, "songtitle");
  if (!title) return ParseResult::failure("stats answer has no SONGTITLE");
  return ParseResult::found(std::string(*title));
}

bool is_number(std::string_view field) {
  field = trim_blanks(field);
  return !field.empty() &&
         std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

ParseResult parse_shoutcast_v2(std::string_view body) {
  const auto start = trim_blanks(body);
  if (!start.empty() && start.front() == '{') return parse_stats_json(start);
  if (!start.empty() && start.front() == '<') return parse_stats_xml(start);
  return ParseResult::found(std::string(body));
}

ParseResult parse_shoutcast_v1(std::string_view body) {
  const auto fields = element_text(body, "body").value_or(body);
  std::size_t pos = 0;
  for (int field = 0; field < kFieldsBeforeTitle; ++field) {
    const auto comma = fields.find(',', pos);
    if (comma == std::string_view::npos || !is_number(fields.substr(pos, comma - pos)))
      return ParseResult::failure("not a 7.html answer (expected six numbers, then the title)");
    pos = comma + 1;
  }
  return ParseResult::found(std::string(fields.substr(pos)));
}

}  // namespace nicecream::crawler::sources

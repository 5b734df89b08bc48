#include "crawler/sources/title_normaliser.hpp"

#include <algorithm>

#include "crawler/sources/ascii_text.hpp"
#include "crawler/sources/html_text.hpp"
#include "crawler/sources/unicode_text.hpp"

namespace nicecream::crawler::sources {

namespace {
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

bool is_blank(unsigned char byte) {
  return byte <= 0x20 || byte == 0x7F;
}

// Control characters, ASCII whitespace and no-break spaces all count as one space; the input is
// valid UTF-8 already, so a byte below 0x80 is always a whole character.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const bool nbsp = text.substr(pos, kNoBreakSpace.size()) == kNoBreakSpace;
    if (nbsp || is_blank(static_cast<unsigned char>(text[pos]))) {
      pending_space = !out.empty();
      pos += nbsp ? kNoBreakSpace.size() : 1;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += text[pos++];
  }
  return out;
}
}  // namespace

std::vector<std::string> default_idle_placeholders() {
  return {"unknown",
          "unknown - unknown",
          "-",
          "n/a",
          "na",
          "none",
          "null",
          "undefined",
          "advertisement",
          "advert",
          "commercial",
          "commercial break",
          "ad break",
          "station id",
          "station identification",
          "no title",
          "no song",
          "offline",
          "off air",
          "line in"};
}

std::string clean_title(std::string_view raw) {
  const auto decoded = decode_unicode_escapes(unescape_entities(strip_tags(raw)));
  return collapse_whitespace(repair_utf8(decoded));
}

TitleNormaliser::TitleNormaliser() : TitleNormaliser(default_idle_placeholders()) {}

TitleNormaliser::TitleNormaliser(std::vector<std::string> idle_placeholders) {
  for (const auto& placeholder : idle_placeholders)
    idle_placeholders_.push_back(ascii_lower(clean_title(placeholder)));
}

std::optional<std::string> TitleNormaliser::normalise(std::string_view raw) const {
  auto title = clean_title(raw);
  if (title.empty() || is_idle_placeholder(title)) return std::nullopt;
  return title;
}

bool TitleNormaliser::is_idle_placeholder(std::string_view title) const {
  const auto lowered = ascii_lower(title);
  return std::find(idle_placeholders_.begin(), idle_placeholders_.end(), lowered) !=
         idle_placeholders_.end();
}

}  // namespace nicecream::crawler::sources

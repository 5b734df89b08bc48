#include "crawler/sources/html_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <utility>

#include "crawler/sources/ascii_text.hpp"
#include "crawler/sources/unicode_text.hpp"

namespace nicecream::crawler::sources {

namespace {
bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool opens_tag(std::string_view text, std::size_t pos) {
  if (pos + 1 >= text.size()) return false;
  const char next = text[pos + 1];
  return is_ascii_letter(next) || next == '/' || next == '!' || next == '?';
}

std::string tag_name(std::string_view tag) {
  std::string name;
  std::size_t pos = 1;
  if (pos < tag.size() && tag[pos] == '/') ++pos;
  while (pos < tag.size() && is_ascii_letter(tag[pos])) name += ascii_lower(tag[pos++]);
  return name;
}

bool breaks_line(std::string_view name) {
  constexpr std::array<std::string_view, 7> kBreaking{"br", "p", "div", "li", "tr", "td", "hr"};
  return std::find(kBreaking.begin(), kBreaking.end(), name) != kBreaking.end() ||
         (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6');
}

constexpr std::array<std::pair<std::string_view, char32_t>, 62> kNamedEntities{{
    {"amp", U'&'},     {"lt", U'<'},      {"gt", U'>'},      {"quot", U'"'},     {"apos", U'\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},
    {"deg", 0xB0},     {"middot", 0xB7},  {"bull", 0x2022},  {"times", 0xD7},    {"euro", 0x20AC},
    {"pound", 0xA3},   {"iexcl", 0xA1},   {"iquest", 0xBF},  {"szlig", 0xDF},    {"agrave", 0xE0},
    {"aacute", 0xE1},  {"acirc", 0xE2},   {"atilde", 0xE3},  {"auml", 0xE4},     {"aring", 0xE5},
    {"aelig", 0xE6},   {"ccedil", 0xE7},  {"egrave", 0xE8},  {"eacute", 0xE9},   {"ecirc", 0xEA},
    {"euml", 0xEB},    {"igrave", 0xEC},  {"iacute", 0xED},  {"icirc", 0xEE},    {"iuml", 0xEF},
    {"ntilde", 0xF1},  {"ograve", 0xF2},  {"oacute", 0xF3},  {"ocirc", 0xF4},    {"otilde", 0xF5},
    {"ouml", 0xF6},    {"oslash", 0xF8},  {"ugrave", 0xF9},  {"uacute", 0xFA},   {"ucirc", 0xFB},
    {"uuml", 0xFC},    {"yacute", 0xFD},  {"Auml", 0xC4},    {"Ouml", 0xD6},     {"Uuml", 0xDC},
    {"Eacute", 0xC9},  {"Ntilde", 0xD1},
}};

std::optional<char32_t> named_entity(std::string_view name) {
  for (const auto& [entity, code_point] : kNamedEntities)
    if (entity == name) return code_point;
  return std::nullopt;
}

std::optional<char32_t> numeric_entity(std::string_view digits) {
  int base = 10;
  if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
    base = 16;
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  std::uint32_t value = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return kReplacementCharacter;
  return static_cast<char32_t>(value);
}

// Decodes the reference starting at `pos` (an '&'); nothing when it is not one.
std::optional<char32_t> read_entity(std::string_view text, std::size_t& pos) {
  constexpr std::size_t kLongestReference = 12;
  const auto end = text.find(';', pos + 1);
  if (end == std::string_view::npos || end - pos > kLongestReference) return std::nullopt;
  const auto body = text.substr(pos + 1, end - pos - 1);
  const auto code_point =
      (!body.empty() && body[0] == '#') ? numeric_entity(body.substr(1)) : named_entity(body);
  if (code_point) pos = end + 1;
  return code_point;
}
}  // namespace

std::string strip_tags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] != '<' || !opens_tag(text, pos)) {
      out += text[pos++];
      continue;
    }
    const bool comment = text.substr(pos, 4) == "<!--";
    const auto close = comment ? text.find("-->", pos + 4) : text.find('>', pos + 1);
    if (close == std::string_view::npos) {
      out.append(text.substr(pos));  // never closed: it was text after all
      break;
    }
    const auto tag = text.substr(pos, close - pos);
    if (!comment && breaks_line(tag_name(tag))) out += ' ';
    pos = close + (comment ? 3 : 1);
  }
  return out;
}

std::string unescape_entities(std::string_view text) {
  return replace_escapes(text, '&', read_entity);
}

}  // namespace nicecream::crawler::sources

#include "crawler/sources/js_string.hpp"

#include <charconv>
#include <cstdint>

#include "crawler/sources/unicode_text.hpp"

namespace nicecream::crawler::sources {

namespace {
std::optional<char32_t> read_hex_escape(std::string_view text, std::size_t pos) {
  if (pos + 2 > text.size()) return std::nullopt;
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data() + pos, text.data() + pos + 2, value, 16);
  if (error != std::errc{} || end != text.data() + pos + 2) return std::nullopt;
  return static_cast<char32_t>(value);
}

char simple_escape(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    case '0':
      return ' ';  // a NUL would only be stripped later; keep words apart
    default:
      return c;  // \" \' \\ \/ and unknown escapes stand for the character itself
  }
}

// Decodes the escape at `pos` (the backslash) into `out` and returns the index after it.
std::size_t decode_escape(std::string_view text, std::size_t pos, std::string& out) {
  if (const auto code_point = read_unicode_escape(text, pos)) {
    append_utf8(out, *code_point);
    return pos;
  }
  const char kind = text[pos + 1];
  if (kind == 'x') {
    if (const auto code_point = read_hex_escape(text, pos + 2)) {
      append_utf8(out, *code_point);
      return pos + 4;
    }
  }
  out += simple_escape(kind);
  return pos + 2;
}
}  // namespace

std::size_t skip_js_whitespace(std::string_view text, std::size_t pos) {
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
    ++pos;
  return pos;
}

std::optional<std::string> read_js_string(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) return std::nullopt;
  const char quote = text[pos];
  std::string value;
  std::size_t at = pos + 1;
  while (at < text.size()) {
    const char c = text[at];
    if (c == quote) {
      pos = at + 1;
      return value;
    }
    if (c == '\\' && at + 1 < text.size()) {
      at = decode_escape(text, at, value);
      continue;
    }
    value += c;
    ++at;
  }
  return std::nullopt;
}

}  // namespace nicecream::crawler::sources

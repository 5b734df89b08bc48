#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nicecream::crawler::sources {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Appends a code point as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

// Reads a `\uXXXX` escape (and its low surrogate partner when it starts a pair) at `pos`, which
// points at the backslash. Returns the code point (U+FFFD for a lone surrogate) and moves `pos`
// past what it consumed; returns nothing and leaves `pos` alone when no escape starts there.
std::optional<char32_t> read_unicode_escape(std::string_view text, std::size_t& pos);

// The one loop of every escape decoder: copies `text`, replacing each escape that starts with
// `introducer` and that `read_escape` accepts (it advances `pos` past what it consumed) by the
// code point's UTF-8 bytes; what no escape reads is copied as it is.
template <typename ReadEscape>
std::string replace_escapes(std::string_view text, char introducer, ReadEscape read_escape) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == introducer) {
      if (const std::optional<char32_t> code_point = read_escape(text, pos)) {
        append_utf8(out, *code_point);
        continue;
      }
    }
    out += text[pos++];
  }
  return out;
}

// Replaces every `\uXXXX` escape (surrogate pairs included) with its UTF-8 bytes.
std::string decode_unicode_escapes(std::string_view text);

bool is_valid_utf8(std::string_view text);

// Reads each byte as an ISO-8859-1 character.
std::string latin1_to_utf8(std::string_view text);

// Returns valid UTF-8: each maximal invalid byte sequence becomes U+FFFD.
std::string repair_utf8(std::string_view text);

}  // namespace nicecream::crawler::sources

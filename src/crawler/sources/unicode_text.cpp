#include "crawler/sources/unicode_text.hpp"

namespace nicecream::crawler::sources {

namespace {
bool is_high_surrogate(char32_t c) {
  return c >= 0xD800 && c <= 0xDBFF;
}
bool is_low_surrogate(char32_t c) {
  return c >= 0xDC00 && c <= 0xDFFF;
}

std::optional<char32_t> read_hex4(std::string_view text, std::size_t pos) {
  if (pos + 4 > text.size()) return std::nullopt;
  char32_t value = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    const char c = text[i];
    value <<= 4;
    if (c >= '0' && c <= '9')
      value |= static_cast<char32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      value |= static_cast<char32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      value |= static_cast<char32_t>(c - 'A' + 10);
    else
      return std::nullopt;
  }
  return value;
}

std::optional<char32_t> read_escape_unit(std::string_view text, std::size_t pos) {
  if (pos + 1 >= text.size() || text[pos] != '\\' || text[pos + 1] != 'u') return std::nullopt;
  return read_hex4(text, pos + 2);
}

// Length of the UTF-8 sequence a lead byte announces, with the allowed range of its second byte
// (which is what rules out overlong forms, surrogates and values past U+10FFFF); 0 when invalid.
struct LeadByte {
  int length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
};

LeadByte classify_lead(unsigned char byte) {
  if (byte >= 0xC2 && byte <= 0xDF) return {2};
  if (byte == 0xE0) return {3, 0xA0, 0xBF};
  if (byte == 0xED) return {3, 0x80, 0x9F};
  if (byte >= 0xE1 && byte <= 0xEF) return {3};
  if (byte == 0xF0) return {4, 0x90, 0xBF};
  if (byte == 0xF4) return {4, 0x80, 0x8F};
  if (byte >= 0xF1 && byte <= 0xF3) return {4};
  return {0};
}
}  // namespace

void append_utf8(std::string& out, char32_t c) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = kReplacementCharacter;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::optional<char32_t> read_unicode_escape(std::string_view text, std::size_t& pos) {
  const auto unit = read_escape_unit(text, pos);
  if (!unit) return std::nullopt;
  if (is_high_surrogate(*unit)) {
    const auto low = read_escape_unit(text, pos + 6);
    if (low && is_low_surrogate(*low)) {
      pos += 12;
      return 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
    }
  }
  pos += 6;
  if (is_high_surrogate(*unit) || is_low_surrogate(*unit)) return kReplacementCharacter;
  return *unit;
}

std::string decode_unicode_escapes(std::string_view text) {
  return replace_escapes(text, '\\', read_unicode_escape);
}

bool is_valid_utf8(std::string_view text) {
  return repair_utf8(text) == text;
}

std::string latin1_to_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (const char c : text) append_utf8(out, static_cast<unsigned char>(c));
  return out;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out += text[pos++];
      continue;
    }
    const auto lead = classify_lead(byte);
    // Walk the continuation bytes as far as they are valid; a broken sequence is one U+FFFD.
    std::size_t valid = 1;
    while (lead.length > 0 && static_cast<int>(valid) < lead.length && pos + valid < text.size()) {
      const auto next = static_cast<unsigned char>(text[pos + valid]);
      const bool second = valid == 1;
      const bool ok = second ? (next >= lead.second_min && next <= lead.second_max)
                             : (next >= 0x80 && next <= 0xBF);
      if (!ok) break;
      ++valid;
    }
    if (lead.length > 0 && static_cast<int>(valid) == lead.length) {
      out.append(text.substr(pos, valid));
    } else {
      append_utf8(out, kReplacementCharacter);
    }
    pos += valid;
  }
  return out;
}

}  // namespace nicecream::crawler::sources

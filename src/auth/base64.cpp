#include "auth/base64.hpp"

#include <array>
#include <cstdint>

namespace nicecream::auth {
namespace {

constexpr std::string_view kStandardAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::int8_t kInvalid = -1;

using DecodeTable = std::array<std::int8_t, 256>;

constexpr DecodeTable decode_table(std::string_view alphabet) {
  DecodeTable table{};
  table.fill(kInvalid);
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
  }
  return table;
}

constexpr DecodeTable kStandardTable = decode_table(kStandardAlphabet);
constexpr DecodeTable kUrlTable = decode_table(kUrlAlphabet);

std::string encode(std::string_view bytes, std::string_view alphabet, Padding padding) {
  std::string text;
  text.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                                (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                                std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    text += alphabet[(group >> 18) & 63];
    text += alphabet[(group >> 12) & 63];
    text += alphabet[(group >> 6) & 63];
    text += alphabet[group & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 0) {
    return text;
  }
  std::uint32_t group = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
  if (rest == 2) {
    group |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
  }
  text += alphabet[(group >> 18) & 63];
  text += alphabet[(group >> 12) & 63];
  if (rest == 2) {
    text += alphabet[(group >> 6) & 63];
  }
  if (padding == Padding::with) {
    text.append(3 - rest, '=');
  }
  return text;
}

// Removes complete padding; nullopt when padding is malformed or (if required) missing.
std::optional<std::string_view> strip_padding(std::string_view text, bool padding_required) {
  if (text.size() % 4 == 0) {
    std::size_t pads = 0;
    while (pads < 2 && pads < text.size() && text[text.size() - 1 - pads] == '=') {
      ++pads;
    }
    text.remove_suffix(pads);
    return text;
  }
  if (padding_required) {
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> decode(std::string_view text, const DecodeTable& table,
                                  bool padding_required) {
  const auto unpadded = strip_padding(text, padding_required);
  if (!unpadded || unpadded->size() % 4 == 1) {
    return std::nullopt;
  }
  std::string bytes;
  bytes.reserve(unpadded->size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : *unpadded) {
    const std::int8_t value = table[static_cast<unsigned char>(c)];
    if (value == kInvalid) {
      return std::nullopt;
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // Leftover bits must be zero, so each byte string has exactly one encoding.
  if ((buffer & ((1U << bits) - 1)) != 0) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace

std::string encode_base64(std::string_view bytes) {
  return encode(bytes, kStandardAlphabet, Padding::with);
}

std::string encode_base64url(std::string_view bytes, Padding padding) {
  return encode(bytes, kUrlAlphabet, padding);
}

std::optional<std::string> decode_base64(std::string_view text) {
  return decode(text, kStandardTable, true);
}

std::optional<std::string> decode_base64url(std::string_view text) {
  return decode(text, kUrlTable, false);
}

}  // namespace nicecream::auth

#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nicecream::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Inputs that carry a setting and a document: the first line is the setting, the rest the
// document. Keeps seed files readable and lets the fuzzer vary both.
struct Lines {
  std::string_view first;
  std::string_view rest;
};

inline Lines split_first_line(std::string_view text) {
  const auto newline = text.find('\n');
  if (newline == std::string_view::npos) return {text, {}};
  return {text.substr(0, newline), text.substr(newline + 1)};
}

}  // namespace nicecream::fuzz

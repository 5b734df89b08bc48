#pragma once

#include <string_view>

namespace nicecream::domain {

inline constexpr std::string_view kWhitespace = " \t\r\n";
// Spaces and tabs: also HTTP's optional whitespace around header list items and cookie pairs.
inline constexpr std::string_view kBlanks = " \t";

// `text` without leading and trailing characters from `characters`.
inline std::string_view trim(std::string_view text, std::string_view characters = kWhitespace) {
  const auto first = text.find_first_not_of(characters);
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(characters) - first + 1);
}

}  // namespace nicecream::domain

#include "config/readers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string_view>

#include "config/config_error.hpp"

namespace nicecream::config {

namespace {
std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

constexpr std::array<std::string_view, 5> kTrueWords{"true", "1", "yes", "on", "t"};
constexpr std::array<std::string_view, 5> kFalseWords{"false", "0", "no", "off", "f"};
}  // namespace

bool Readers::has(const std::string& name) const {
  const auto value = environment_(name);
  return value && !value->empty();
}

std::string Readers::text(const std::string& name, const std::string& fallback) const {
  const auto value = environment_(name);
  return value && !value->empty() ? *value : fallback;
}

bool Readers::flag(const std::string& name, bool fallback) const {
  if (!has(name)) return fallback;
  const auto word = lowercase(*environment_(name));
  if (std::find(kTrueWords.begin(), kTrueWords.end(), word) != kTrueWords.end()) return true;
  if (std::find(kFalseWords.begin(), kFalseWords.end(), word) != kFalseWords.end()) return false;
  throw ConfigError(name, "'" + word + "' is not a boolean (use true or false)");
}

std::int64_t Readers::integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                              std::int64_t max) const {
  if (!has(name)) return fallback;
  const auto value = *environment_(name);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size())
    throw ConfigError(name, "'" + value + "' is not a whole number");
  if (number < min || number > max)
    throw ConfigError(name, std::to_string(number) + " is out of range " + std::to_string(min) +
                                ".." + std::to_string(max));
  return number;
}

std::chrono::seconds Readers::seconds(const std::string& name, std::chrono::seconds fallback,
                                      std::chrono::seconds min) const {
  return std::chrono::seconds{integer(name, fallback.count(), min.count(), 365LL * 24 * 3600)};
}

}  // namespace nicecream::config

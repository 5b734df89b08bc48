#pragma once

#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nicecream::domain {

// Field errors by location ("query", "path", "body", "header") and field, in the contract's shape:
// {"query": {"offset": ["Must be greater than or equal to 0."]}}
class ValidationErrors {
 public:
  void add(std::string_view location, std::string_view field, std::string message);
  bool empty() const { return by_location_.empty(); }
  const auto& entries() const { return by_location_; }

 private:
  std::map<std::string, std::map<std::string, std::vector<std::string>>> by_location_;
};

struct IntegerRule {
  std::int64_t min = INT64_MIN;
  std::int64_t max = INT64_MAX;
};

// Parses a whole number within the rule; on failure records the contract's message and returns
// nullopt. Leading '+', spaces, fractions and overflow are "Not a valid integer."
std::optional<std::int64_t> read_integer(std::string_view text, IntegerRule rule,
                                         std::string_view location, std::string_view field,
                                         ValidationErrors& errors);

namespace messages {
inline constexpr std::string_view not_integer = "Not a valid integer.";
inline constexpr std::string_view unknown_field = "Unknown field.";
inline constexpr std::string_view required = "Missing data for required field.";
inline constexpr std::string_view not_found = "Not found.";
inline constexpr std::string_view csrf = "Missing or invalid value.";
}  // namespace messages

}  // namespace nicecream::domain

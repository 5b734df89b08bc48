#include "domain/validation.hpp"

#include <charconv>

namespace nicecream::domain {

void ValidationErrors::add(std::string_view location, std::string_view field, std::string message) {
  by_location_[std::string(location)][std::string(field)].push_back(std::move(message));
}

namespace {
std::string range_message(IntegerRule rule) {
  const bool has_min = rule.min != INT64_MIN;
  const bool has_max = rule.max != INT64_MAX;
  if (has_min && has_max)
    return "Must be greater than or equal to " + std::to_string(rule.min) +
           " and less than or equal to " + std::to_string(rule.max) + ".";
  if (has_min) return "Must be greater than or equal to " + std::to_string(rule.min) + ".";
  return "Must be less than or equal to " + std::to_string(rule.max) + ".";
}
}  // namespace

std::optional<std::int64_t> read_integer(std::string_view text, IntegerRule rule,
                                         std::string_view location, std::string_view field,
                                         ValidationErrors& errors) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
    errors.add(location, field, std::string(messages::not_integer));
    return std::nullopt;
  }
  if (value < rule.min || value > rule.max) {
    errors.add(location, field, range_message(rule));
    return std::nullopt;
  }
  return value;
}

}  // namespace nicecream::domain

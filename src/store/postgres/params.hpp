#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/models.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::store::postgres {

// Values sent as text parameters. Timestamps go as ISO 8601 with an explicit UTC offset, which
// `$n::timestamptz` reads exactly.
inline std::string to_param(std::int64_t value) {
  return std::to_string(value);
}
inline std::string to_param(std::string_view text) {
  return std::string(text);
}
inline std::string to_param(domain::Timestamp at) {
  return domain::format_timestamp(at);
}

// Parameters for SQL assembled from optional parts: add() keeps a value and returns its
// placeholder ("$3").
class Params {
 public:
  template <class Value>
  std::string add(const Value& value) {
    values_.push_back(to_param(value));
    // Appending, not "$" + string: GCC 12 at -O3 warns falsely (-Wrestrict) on the latter.
    std::string placeholder = "$";
    placeholder += std::to_string(values_.size());
    return placeholder;
  }
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::vector<std::string> values_;
};

// A bigint[] literal of `ids` (integers, or their text as read back from the server), for one
// `$n::bigint[]` parameter.
template <class Ids>
std::string bigint_array(const Ids& ids) {
  std::string literal = "{";
  for (const auto& id : ids) {
    if (literal.size() > 1) literal += ',';
    literal += to_param(id);
  }
  return literal + '}';
}

// A timestamptz column as microseconds since the epoch; numeric extract() is exact.
inline std::string micros(std::string_view column) {
  return "(extract(epoch FROM " + std::string(column) + ") * 1000000)::bigint";
}

}  // namespace nicecream::store::postgres

#pragma once

#include <chrono>
#include <cstdint>

#include "domain/models.hpp"

namespace nicecream::auth {

// Tokens and cookies count whole seconds since the epoch.
inline std::int64_t unix_seconds(domain::Timestamp at) {
  return std::chrono::floor<std::chrono::seconds>(at).time_since_epoch().count();
}

// Past 2^40 s (year 36812) a count is no real time, and would overflow in microseconds.
inline constexpr std::int64_t kLatestPlausibleUnixSeconds = std::int64_t{1} << 40;

}  // namespace nicecream::auth

#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/models.hpp"

namespace nicecream::domain {

// ISO 8601 UTC with microseconds and an explicit offset: 2026-11-27T19:57:07.590829+00:00
std::string format_timestamp(Timestamp at);

// Accepts what format_timestamp writes, and the original's naive UTC form without an offset.
std::optional<Timestamp> parse_timestamp(std::string_view text);

// RFC 3339 date-time: an offset is required ("Z" or +/-HH:MM, any), fractional seconds of any
// length (read to microseconds); "T" may also be "t" or a space. For what clients send.
std::optional<Timestamp> parse_rfc3339(std::string_view text);

}  // namespace nicecream::domain

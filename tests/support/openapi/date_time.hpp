#pragma once

#include <string_view>

namespace nicecream::support::openapi {

// RFC 3339 `date-time`, the meaning of OpenAPI's `format: date-time`: a real calendar date, a
// time, optional fractional seconds and a mandatory offset (`Z` or `±hh:mm`).
bool is_date_time(std::string_view text);

}  // namespace nicecream::support::openapi

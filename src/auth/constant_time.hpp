#pragma once

#include <string_view>

namespace nicecream::auth {

// Compares secrets without leaking, through timing, how many leading bytes matched.
// (The length is not secret: our tokens have a fixed length.)
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace nicecream::auth

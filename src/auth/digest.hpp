#pragma once

#include <string>
#include <string_view>

namespace nicecream::auth {

// The SHA-256 digest of `data`, as 32 raw bytes.
std::string sha256(std::string_view data);

}  // namespace nicecream::auth

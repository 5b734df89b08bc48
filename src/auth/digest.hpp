#pragma once

#include <string>
#include <string_view>

namespace nicecream::auth {

// The SHA-256 digest of `data`, as 32 raw bytes.
std::string sha256(std::string_view data);

// HMAC-SHA256 of `data` under `key`, as 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);

}  // namespace nicecream::auth

#pragma once

#include <cstddef>
#include <string>

namespace nicecream::auth {

// Bytes from OpenSSL's CSPRNG; throws std::runtime_error if it cannot deliver.
std::string random_bytes(std::size_t count);

// `entropy_bytes` random bytes as unpadded base64url: safe in URLs, cookies and headers.
std::string random_url_token(std::size_t entropy_bytes = 32);

}  // namespace nicecream::auth

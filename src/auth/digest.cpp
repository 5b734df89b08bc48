#include "auth/digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace nicecream::auth {

std::string sha256(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

}  // namespace nicecream::auth

#include "auth/random.hpp"

#include <openssl/rand.h>

#include <climits>
#include <stdexcept>

#include "auth/base64.hpp"

namespace nicecream::auth {

std::string random_bytes(std::size_t count) {
  if (count > INT_MAX) {
    throw std::length_error("random_bytes: too many bytes requested");
  }
  std::string bytes(count, '\0');
  if (count > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    throw std::runtime_error("the system random number generator failed");
  }
  return bytes;
}

std::string random_url_token(std::size_t entropy_bytes) {
  return encode_base64url(random_bytes(entropy_bytes), Padding::without);
}

}  // namespace nicecream::auth

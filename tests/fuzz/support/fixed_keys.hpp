#pragma once

#include <string>
#include <string_view>

#include "auth/jwk.hpp"
#include "unit/auth/token_forge.hpp"

namespace nicecream::fuzz {

inline constexpr std::string_view kRsaKid = "fuzz-rsa";
inline constexpr std::string_view kEcKid = "fuzz-ec";

// One RSA-2048 and one P-256 key, the same in every run, and the JWKS of their public halves as
// a provider would publish it.
struct FixedKeys {
  auth::testing::SigningKey rsa;
  auth::testing::SigningKey ec;
  std::string jwks_document;
  auth::JwkSet jwks;
};

const FixedKeys& fixed_keys();

}  // namespace nicecream::fuzz

#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <string_view>

#include "auth/jwk.hpp"
#include "auth/sign_in_error.hpp"
#include "domain/models.hpp"

namespace nicecream::auth {

// What a valid ID token for this sign-in must say (OpenID Connect Core §3.1.3.7).
struct IdTokenExpectations {
  std::string_view issuer;     // `iss` equals it exactly
  std::string_view client_id;  // among `aud`; `azp`, if present, equals it
  std::string_view nonce;      // `nonce` equals it (the one this session sent)
  domain::Timestamp now;
  std::chrono::seconds leeway{60};  // for clocks that disagree a little: exp, iat, nbf
};

// Verifies the signature (RS256 or ES256 with a key from `keys`), then the claims; returns the
// claims, or the first reason the token is not acceptable. Never throws on bad input.
SignInResult<boost::json::object> verify_id_token(std::string_view token, const JwkSet& keys,
                                                  const IdTokenExpectations& expected);

}  // namespace nicecream::auth

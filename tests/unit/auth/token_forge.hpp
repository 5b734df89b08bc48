#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "auth/openssl_handles.hpp"

namespace nicecream::auth::testing {

// A private key of our own, to sign test tokens the way a provider would.
struct SigningKey {
  std::string alg;  // RS256 or ES256
  std::string kid;
  EvpPkeyPtr key;

  // The public half as a JWK (RSA n/e or EC P-256 x/y), with kid, alg and use=sig.
  boost::json::object public_jwk() const;
};

SigningKey make_rsa_key(std::string kid, int bits = 2048);
SigningKey make_p256_key(std::string kid);

// A compact JWS over `claims` with header {alg, kid, typ: JWT}.
std::string sign_jwt(const boost::json::object& claims, const SigningKey& key);
// Same, with a header of the caller's choosing.
std::string sign_jwt(const boost::json::object& header, const boost::json::object& claims,
                     const SigningKey& key);

// base64url(JSON) of a header or payload, for hand-made tokens.
std::string encode_part(const boost::json::object& object);

// A JWKS document holding these keys' public halves.
std::string jwks_json(std::initializer_list<const SigningKey*> keys);

}  // namespace nicecream::auth::testing

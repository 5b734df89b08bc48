#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/jws_algorithm.hpp"
#include "auth/openssl_handles.hpp"

namespace nicecream::auth {

// One public signing key from a provider's JWKS.
struct Jwk {
  std::string kid;  // may be empty
  std::string alg;  // empty when the provider does not pin the key to one algorithm
  SharedPkey key;
};

using JwkSet = std::vector<Jwk>;

// The length of a P-256 public key's uncompressed point: 0x04 || x || y.
inline constexpr std::size_t kP256PointBytes = 65;

// A P-256 public key from its uncompressed point (0x04 || x || y, 65 bytes), checked to lie on
// the curve; nullptr otherwise. JWKs and Web Push subscriptions (p256dh) carry keys this way.
EvpPkeyPtr p256_public_key(std::string_view uncompressed_point);

// The public key of an RSA (n, e; at least 2048 bits) or EC P-256 (x, y) JWK, built with
// EVP_PKEY_fromdata; nullptr for any other or malformed key.
SharedPkey public_key_from_jwk(const boost::json::object& jwk);

// The usable signature keys of a JWKS document; keys for encryption, of other types or curves,
// or malformed are left out. nullopt when the document is not a JWKS at all.
std::optional<JwkSet> parse_jwks(std::string_view json);

// The key to check a token signed with `algorithm` under `kid`. Without a kid, the only key
// that fits the algorithm (there must be exactly one).
const Jwk* select_key(const JwkSet& keys, std::string_view kid, JwsAlgorithm algorithm);

}  // namespace nicecream::auth

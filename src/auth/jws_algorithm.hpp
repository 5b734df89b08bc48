#pragma once

#include <openssl/evp.h>

#include <optional>
#include <string>
#include <string_view>

namespace nicecream::auth {

// The only signature algorithms we accept on an ID token. `none` and the HS* family are refused
// outright: a token must be signed by the provider's private key, not by a secret we share.
enum class JwsAlgorithm { rs256, es256 };

std::optional<JwsAlgorithm> parse_jws_algorithm(std::string_view name);
std::string_view to_string(JwsAlgorithm algorithm);

// The key type the algorithm needs: an RSA key for RS256, a P-256 key for ES256.
bool key_fits(JwsAlgorithm algorithm, EVP_PKEY* key);

// Checks `signature` over `signing_input` with SHA-256. For ES256 the signature is JOSE's raw
// r||s (64 bytes), converted to DER for OpenSSL. False for any malformed input.
bool verify_jws_signature(JwsAlgorithm algorithm, EVP_PKEY* key, std::string_view signing_input,
                          std::string_view signature);

// An ES256 signature of `signing_input` by a P-256 private key, as JOSE's raw r||s (64 bytes);
// nullopt if OpenSSL fails.
std::optional<std::string> sign_es256(EVP_PKEY* private_key, std::string_view signing_input);

}  // namespace nicecream::auth

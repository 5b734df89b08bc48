#include "unit/auth/token_forge.hpp"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>
#include <vector>

#include "auth/base64.hpp"

namespace nicecream::auth::testing {
namespace {

std::string bignum_param(EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
    throw std::runtime_error("cannot read key parameter");
  }
  const BignumPtr number(raw);
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(number.get())), '\0');
  BN_bn2bin(number.get(), reinterpret_cast<unsigned char*>(bytes.data()));
  return bytes;
}

std::string b64(std::string_view bytes) {
  return encode_base64url(bytes, Padding::without);
}

std::string sign_sha256(EVP_PKEY* key, std::string_view input) {
  const EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  std::size_t length = 0;
  if (EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key, nullptr) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length,
                     reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
    throw std::runtime_error("cannot sign");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
    throw std::runtime_error("cannot sign");
  }
  signature.resize(length);
  return signature;
}

// OpenSSL writes ECDSA signatures in DER; JOSE wants r||s, each 32 bytes.
std::string der_to_raw(std::string_view der) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  const EcdsaSigPtr signature(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
  if (!signature) {
    throw std::runtime_error("bad DER signature");
  }
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), reinterpret_cast<unsigned char*>(raw.data()) + 32,
               32);
  return raw;
}

}  // namespace

boost::json::object SigningKey::public_jwk() const {
  boost::json::object jwk{{"kid", kid}, {"alg", alg}, {"use", "sig"}};
  if (alg == "RS256") {
    jwk["kty"] = "RSA";
    jwk["n"] = b64(bignum_param(key.get(), OSSL_PKEY_PARAM_RSA_N));
    jwk["e"] = b64(bignum_param(key.get(), OSSL_PKEY_PARAM_RSA_E));
  } else {
    std::string x(32, '\0');
    std::string y(32, '\0');
    const auto raw_x = bignum_param(key.get(), OSSL_PKEY_PARAM_EC_PUB_X);
    const auto raw_y = bignum_param(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y);
    x.replace(32 - raw_x.size(), raw_x.size(), raw_x);
    y.replace(32 - raw_y.size(), raw_y.size(), raw_y);
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = b64(x);
    jwk["y"] = b64(y);
  }
  return jwk;
}

SigningKey make_rsa_key(std::string kid, int bits) {
  EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits)));
  if (!key) {
    throw std::runtime_error("cannot make an RSA key");
  }
  return SigningKey{"RS256", std::move(kid), std::move(key)};
}

SigningKey make_p256_key(std::string kid) {
  EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) {
    throw std::runtime_error("cannot make a P-256 key");
  }
  return SigningKey{"ES256", std::move(kid), std::move(key)};
}

std::string encode_part(const boost::json::object& object) {
  return b64(boost::json::serialize(object));
}

std::string sign_jwt(const boost::json::object& header, const boost::json::object& claims,
                     const SigningKey& key) {
  const std::string input = encode_part(header) + "." + encode_part(claims);
  std::string signature = sign_sha256(key.key.get(), input);
  if (key.alg == "ES256") {
    signature = der_to_raw(signature);
  }
  return input + "." + b64(signature);
}

std::string sign_jwt(const boost::json::object& claims, const SigningKey& key) {
  return sign_jwt({{"alg", key.alg}, {"kid", key.kid}, {"typ", "JWT"}}, claims, key);
}

std::string jwks_json(std::initializer_list<const SigningKey*> keys) {
  boost::json::array array;
  for (const auto* key : keys) {
    array.push_back(key->public_jwk());
  }
  return boost::json::serialize(boost::json::object{{"keys", std::move(array)}});
}

}  // namespace nicecream::auth::testing

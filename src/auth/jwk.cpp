#include "auth/jwk.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

#include <boost/json/parse.hpp>

#include "auth/base64.hpp"

namespace nicecream::auth {
namespace {

constexpr int kMinRsaBits = 2048;
constexpr std::size_t kP256CoordinateBytes = 32;
constexpr unsigned char kUncompressedPoint = 0x04;

std::string_view string_member(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string_view(value->get_string())
                                                : std::string_view{};
}

std::optional<std::string> decoded_member(const boost::json::object& jwk, std::string_view key) {
  const auto text = string_member(jwk, key);
  return text.empty() ? std::nullopt : decode_base64url(text);
}

EvpPkeyPtr key_from_params(const char* type, OSSL_PARAM_BLD* builder) {
  const ParamPtr params(OSSL_PARAM_BLD_to_param(builder));
  const EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return nullptr;
  }
  return EvpPkeyPtr(key);
}

BignumPtr big_endian_number(std::string_view bytes) {
  return BignumPtr(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                             static_cast<int>(bytes.size()), nullptr));
}

EvpPkeyPtr rsa_key(const boost::json::object& jwk) {
  const auto n = decoded_member(jwk, "n");
  const auto e = decoded_member(jwk, "e");
  if (!n || !e || n->size() > 1024 || e->size() > 8) {
    return nullptr;
  }
  const BignumPtr modulus = big_endian_number(*n);
  const BignumPtr exponent = big_endian_number(*e);
  const ParamBuildPtr builder(OSSL_PARAM_BLD_new());
  if (!modulus || !exponent || !builder || BN_num_bits(modulus.get()) < kMinRsaBits ||
      BN_is_odd(exponent.get()) != 1 || BN_is_one(exponent.get()) == 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    return nullptr;
  }
  return key_from_params("RSA", builder.get());
}

EvpPkeyPtr p256_key(const boost::json::object& jwk) {
  if (string_member(jwk, "crv") != "P-256") {
    return nullptr;
  }
  const auto x = decoded_member(jwk, "x");
  const auto y = decoded_member(jwk, "y");
  if (!x || !y || x->size() != kP256CoordinateBytes || y->size() != kP256CoordinateBytes) {
    return nullptr;
  }
  std::string point(1, static_cast<char>(kUncompressedPoint));
  point += *x;
  point += *y;
  return p256_public_key(point);
}

}  // namespace

EvpPkeyPtr p256_public_key(std::string_view uncompressed_point) {
  if (uncompressed_point.size() != 1 + 2 * kP256CoordinateBytes ||
      static_cast<unsigned char>(uncompressed_point.front()) != kUncompressedPoint) {
    return nullptr;
  }
  const ParamBuildPtr builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME,
                                      SN_X9_62_prime256v1, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                       uncompressed_point.data(), uncompressed_point.size()) != 1) {
    return nullptr;
  }
  EvpPkeyPtr key = key_from_params("EC", builder.get());
  // fromdata decodes the point; the public-key check also confirms it lies on the curve.
  const EvpPkeyCtxPtr check(key ? EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr)
                                : nullptr);
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  return key;
}

SharedPkey public_key_from_jwk(const boost::json::object& jwk) {
  const auto type = string_member(jwk, "kty");
  EvpPkeyPtr key = type == "RSA" ? rsa_key(jwk) : type == "EC" ? p256_key(jwk) : nullptr;
  if (!key) {
    ERR_clear_error();  // a skipped key is not an error to report later
    return nullptr;
  }
  return share(std::move(key));
}

std::optional<JwkSet> parse_jwks(std::string_view json) {
  boost::system::error_code error;
  const auto document = boost::json::parse(json, error);
  if (error || !document.is_object()) {
    return std::nullopt;
  }
  const auto* keys = document.get_object().if_contains("keys");
  if (keys == nullptr || !keys->is_array()) {
    return std::nullopt;
  }
  JwkSet set;
  for (const auto& entry : keys->get_array()) {
    if (!entry.is_object()) {
      continue;
    }
    const auto& jwk = entry.get_object();
    const auto use = string_member(jwk, "use");
    if (!use.empty() && use != "sig") {
      continue;
    }
    if (auto key = public_key_from_jwk(jwk)) {
      set.push_back(Jwk{.kid = std::string(string_member(jwk, "kid")),
                        .alg = std::string(string_member(jwk, "alg")),
                        .key = std::move(key)});
    }
  }
  return set;
}

const Jwk* select_key(const JwkSet& keys, std::string_view kid, JwsAlgorithm algorithm) {
  const Jwk* found = nullptr;
  for (const auto& jwk : keys) {
    const bool fits =
        key_fits(algorithm, jwk.key.get()) && (jwk.alg.empty() || jwk.alg == to_string(algorithm));
    if (!fits || (!kid.empty() && jwk.kid != kid)) {
      continue;
    }
    if (found != nullptr) {
      return kid.empty() ? nullptr : found;  // ambiguous without a kid; duplicates: first wins
    }
    found = &jwk;
  }
  return found;
}

}  // namespace nicecream::auth

#include "auth/jws_algorithm.hpp"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>

#include <array>
#include <string>

#include "auth/openssl_handles.hpp"

namespace nicecream::auth {
namespace {

constexpr std::size_t kEs256CoordinateBytes = 32;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

bool is_p256(EVP_PKEY* key) {
  std::array<char, 64> group{};
  std::size_t length = 0;
  return EVP_PKEY_is_a(key, "EC") == 1 &&
         EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group.data(), group.size(),
                                        &length) == 1 &&
         std::string_view(group.data(), length) == SN_X9_62_prime256v1;
}

// JOSE signs ECDSA as fixed-width r||s; OpenSSL wants a DER SEQUENCE of two INTEGERs.
std::optional<std::string> raw_ecdsa_to_der(std::string_view raw) {
  if (raw.size() != 2 * kEs256CoordinateBytes) {
    return std::nullopt;
  }
  BignumPtr r(BN_bin2bn(bytes_of(raw), kEs256CoordinateBytes, nullptr));
  BignumPtr s(
      BN_bin2bn(bytes_of(raw.substr(kEs256CoordinateBytes)), kEs256CoordinateBytes, nullptr));
  EcdsaSigPtr signature(ECDSA_SIG_new());
  if (!r || !s || !signature || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1) {
    return std::nullopt;
  }
  r.release();  // owned by the signature now
  s.release();
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0) {
    return std::nullopt;
  }
  std::string result(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return result;
}

// OpenSSL signs ECDSA as DER; JOSE wants each of r and s as 32 big-endian bytes.
std::optional<std::string> der_ecdsa_to_raw(std::string_view der) {
  const auto* cursor = bytes_of(der);
  const EcdsaSigPtr signature(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
  if (!signature) {
    return std::nullopt;
  }
  std::string raw(2 * kEs256CoordinateBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), out, kEs256CoordinateBytes) < 0 ||
      BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), out + kEs256CoordinateBytes,
                   kEs256CoordinateBytes) < 0) {
    return std::nullopt;
  }
  return raw;
}

bool verify_sha256(EVP_PKEY* key, std::string_view input, std::string_view signature) {
  const EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  return ctx &&
         EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key, nullptr) ==
             1 &&
         EVP_DigestVerify(ctx.get(), bytes_of(signature), signature.size(), bytes_of(input),
                          input.size()) == 1;
}

}  // namespace

std::optional<JwsAlgorithm> parse_jws_algorithm(std::string_view name) {
  if (name == "RS256") {
    return JwsAlgorithm::rs256;
  }
  if (name == "ES256") {
    return JwsAlgorithm::es256;
  }
  return std::nullopt;
}

std::string_view to_string(JwsAlgorithm algorithm) {
  return algorithm == JwsAlgorithm::rs256 ? "RS256" : "ES256";
}

bool key_fits(JwsAlgorithm algorithm, EVP_PKEY* key) {
  if (key == nullptr) {
    return false;
  }
  return algorithm == JwsAlgorithm::rs256 ? EVP_PKEY_is_a(key, "RSA") == 1 : is_p256(key);
}

bool verify_jws_signature(JwsAlgorithm algorithm, EVP_PKEY* key, std::string_view signing_input,
                          std::string_view signature) {
  if (!key_fits(algorithm, key)) {
    return false;
  }
  bool valid = false;
  if (algorithm == JwsAlgorithm::rs256) {
    valid = verify_sha256(key, signing_input, signature);
  } else {
    const auto der = raw_ecdsa_to_der(signature);
    valid = der && verify_sha256(key, signing_input, *der);
  }
  if (!valid) {
    ERR_clear_error();  // a forged token is an answer, not an OpenSSL error to report later
  }
  return valid;
}

std::optional<std::string> sign_es256(EVP_PKEY* private_key, std::string_view signing_input) {
  if (private_key == nullptr || !is_p256(private_key)) {
    return std::nullopt;
  }
  const EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  std::size_t length = 0;
  if (!ctx ||
      EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, private_key, nullptr) !=
          1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, bytes_of(signing_input), signing_input.size()) !=
          1) {
    ERR_clear_error();
    return std::nullopt;
  }
  std::string der(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(der.data()), &length,
                     bytes_of(signing_input), signing_input.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  der.resize(length);
  return der_ecdsa_to_raw(der);
}

}  // namespace nicecream::auth

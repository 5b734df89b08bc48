#include "push/vapid_key.hpp"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

#include <array>

#include "auth/base64.hpp"
#include "auth/jwk.hpp"
#include "auth/secret_file.hpp"

namespace nicecream::push {
namespace {

constexpr std::size_t kScalarBytes = 32;

using EcGroupPtr = std::unique_ptr<EC_GROUP, auth::OpenSslDeleter<EC_GROUP_free>>;
using EcPointPtr = std::unique_ptr<EC_POINT, auth::OpenSslDeleter<EC_POINT_free>>;

[[noreturn]] void fail(const std::string& message) {
  ERR_clear_error();
  throw VapidKeyError(message);
}

// d·G, uncompressed: EVP_PKEY_fromdata wants the public point beside the private scalar.
std::string public_point_of(const BIGNUM* scalar) {
  const EcGroupPtr group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
  const EcPointPtr point(group ? EC_POINT_new(group.get()) : nullptr);
  std::string encoded(auth::kP256PointBytes, '\0');
  if (!point || EC_POINT_mul(group.get(), point.get(), scalar, nullptr, nullptr, nullptr) != 1 ||
      EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED,
                         reinterpret_cast<unsigned char*>(encoded.data()), encoded.size(),
                         nullptr) != auth::kP256PointBytes) {
    fail("the VAPID private key is not a P-256 key");
  }
  return encoded;
}

auth::EvpPkeyPtr key_from_scalar(const std::string& scalar_bytes) {
  const auth::BignumPtr scalar(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(scalar_bytes.data()),
                static_cast<int>(scalar_bytes.size()), nullptr));
  if (!scalar || BN_is_zero(scalar.get()) == 1) fail("the VAPID private key is zero");
  const auto point = public_point_of(scalar.get());
  const auth::ParamBuildPtr builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME,
                                      SN_X9_62_prime256v1, 0) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, scalar.get()) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    fail("cannot build the VAPID key");
  }
  const auth::ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
  const auth::EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_KEYPAIR, params.get()) != 1) {
    fail("the VAPID private key is not a P-256 key");
  }
  auth::EvpPkeyPtr owned(key);
  const auth::EvpPkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!check || EVP_PKEY_private_check(check.get()) != 1) {
    fail("the VAPID private key is not a valid P-256 scalar");
  }
  return owned;
}

std::string encoded_public_point(EVP_PKEY* key) {
  std::array<unsigned char, auth::kP256PointBytes> point{};
  std::size_t length = 0;
  if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size(),
                                      &length) != 1 ||
      length != auth::kP256PointBytes || point[0] != POINT_CONVERSION_UNCOMPRESSED) {
    fail("cannot read the VAPID public key");
  }
  return auth::encode_base64url(
      std::string_view(reinterpret_cast<const char*>(point.data()), length),
      auth::Padding::without);
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

VapidKey::VapidKey(auth::EvpPkeyPtr key)
    : key_(auth::share(std::move(key))), public_key_(encoded_public_point(key_.get())) {}

VapidKey VapidKey::from_private_scalar(std::string_view base64url) {
  const auto scalar = auth::decode_base64url(trimmed(base64url));
  if (!scalar || scalar->size() != kScalarBytes)
    fail("the VAPID private key must be 32 bytes as base64url (the raw P-256 scalar)");
  return VapidKey(key_from_scalar(*scalar));
}

VapidKey VapidKey::generate() {
  auth::EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) fail("cannot generate a VAPID key");
  return VapidKey(std::move(key));
}

std::string VapidKey::private_scalar() const {
  BIGNUM* scalar = nullptr;
  if (EVP_PKEY_get_bn_param(key_.get(), OSSL_PKEY_PARAM_PRIV_KEY, &scalar) != 1)
    fail("cannot read the VAPID private key");
  const auth::BignumPtr owned(scalar);
  std::string bytes(kScalarBytes, '\0');
  if (BN_bn2binpad(owned.get(), reinterpret_cast<unsigned char*>(bytes.data()),
                   static_cast<int>(bytes.size())) < 0)
    fail("cannot read the VAPID private key");
  return auth::encode_base64url(bytes, auth::Padding::without);
}

VapidKey resolve_vapid_key(std::string_view configured_private_key,
                           const std::filesystem::path& data_dir) {
  if (!configured_private_key.empty()) return VapidKey::from_private_scalar(configured_private_key);
  const auto path = data_dir / "vapid.key";
  const auto text = auth::load_or_create_secret_file(
      path, "VAPID key", [] { return VapidKey::generate().private_scalar(); });
  try {
    return VapidKey::from_private_scalar(text);
  } catch (const VapidKeyError& error) {
    throw VapidKeyError("the VAPID key file " + path.string() +
                        " holds no valid key: " + error.what());
  }
}

}  // namespace nicecream::push

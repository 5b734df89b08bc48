#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "auth/openssl_handles.hpp"

namespace nicecream::push {

// A private key that is not a P-256 scalar, or a key file that holds none. The message never
// holds the key.
class VapidKeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The application server's P-256 key pair (RFC 8292): it signs every push request's JWT, and
// browsers bind subscriptions to its public half.
class VapidKey {
 public:
  // From the raw 32-byte private scalar as base64url, the form web-push libraries print
  // (API_VAPID_PRIVATE_KEY).
  static VapidKey from_private_scalar(std::string_view base64url);
  static VapidKey generate();

  EVP_PKEY* key() const { return key_.get(); }
  // The uncompressed point (65 bytes) as unpadded base64url: the applicationServerKey browsers
  // subscribe with, and the k= of the Authorization header.
  const std::string& public_key() const { return public_key_; }
  // The scalar as unpadded base64url, for the key file only.
  std::string private_scalar() const;

 private:
  explicit VapidKey(auth::EvpPkeyPtr key);

  auth::SharedPkey key_;
  std::string public_key_;
};

// API_VAPID_PRIVATE_KEY when set, else the key kept in `<data_dir>/vapid.key`, generated once.
VapidKey resolve_vapid_key(std::string_view configured_private_key,
                           const std::filesystem::path& data_dir);

}  // namespace nicecream::push

#include "push/message_encryption.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>

#include <array>
#include <cstdint>

#include "auth/jwk.hpp"
#include "auth/openssl_handles.hpp"
#include "auth/random.hpp"

namespace nicecream::push {
namespace {

constexpr std::size_t kAuthSecretBytes = 16;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 16;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr char kLastRecordDelimiter = 0x02;

using KdfPtr = std::unique_ptr<EVP_KDF, auth::OpenSslDeleter<EVP_KDF_free>>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, auth::OpenSslDeleter<EVP_KDF_CTX_free>>;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

// HKDF-SHA-256 (RFC 5869), extract and expand, `length` bytes.
std::optional<std::string> hkdf(std::string_view salt, std::string_view key, std::string_view info,
                                std::size_t length) {
  const KdfPtr kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
  const KdfCtxPtr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
  if (!ctx) return std::nullopt;
  char digest[] = "SHA256";
  const std::array<OSSL_PARAM, 5> params{
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char*>(key.data()),
                                        key.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()),
                                        salt.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()),
                                        info.size()),
      OSSL_PARAM_construct_end()};
  std::string out(length, '\0');
  if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     params.data()) != 1)
    return std::nullopt;
  return out;
}

std::optional<std::string> ecdh(EVP_PKEY* own, EVP_PKEY* peer) {
  const auth::EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr));
  std::size_t length = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer) != 1 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &length) != 1)
    return std::nullopt;
  std::string secret(length, '\0');
  if (EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char*>(secret.data()), &length) != 1)
    return std::nullopt;
  secret.resize(length);
  return secret;
}

std::optional<std::string> public_point(EVP_PKEY* key) {
  std::array<unsigned char, auth::kP256PointBytes> point{};
  std::size_t length = 0;
  if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size(),
                                      &length) != 1 ||
      length != auth::kP256PointBytes)
    return std::nullopt;
  return std::string(reinterpret_cast<const char*>(point.data()), length);
}

std::optional<std::string> aes128gcm_seal(std::string_view key, std::string_view nonce,
                                          std::string_view plaintext) {
  const auth::EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  std::string out(plaintext.size() + kTagBytes, '\0');
  auto* cursor = reinterpret_cast<unsigned char*>(out.data());
  int written = 0;
  int finished = 0;
  if (!ctx ||
      EVP_EncryptInit_ex2(ctx.get(), EVP_aes_128_gcm(), bytes_of(key), bytes_of(nonce), nullptr) !=
          1 ||
      EVP_EncryptUpdate(ctx.get(), cursor, &written, bytes_of(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), cursor + written, &finished) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                          cursor + written + finished) != 1)
    return std::nullopt;
  out.resize(static_cast<std::size_t>(written + finished) + kTagBytes);
  return out;
}

// RFC 8188 §2.1: salt (16) || rs (uint32, big-endian) || idlen (1) || keyid.
std::string coding_header(std::string_view salt, std::string_view key_id) {
  std::string header(salt);
  for (int shift = 24; shift >= 0; shift -= 8)
    header.push_back(static_cast<char>((kRecordSize >> shift) & 0xFF));
  header.push_back(static_cast<char>(key_id.size()));
  header.append(key_id);
  return header;
}

std::optional<std::string> seal(std::string_view plaintext, const UserAgentKeys& user_agent,
                                EVP_PKEY* sender_key, std::string_view salt) {
  const auto peer = auth::p256_public_key(user_agent.p256dh);
  const auto sender_public = public_point(sender_key);
  const auto shared = peer ? ecdh(sender_key, peer.get()) : std::nullopt;
  if (!sender_public || !shared) return std::nullopt;
  // RFC 8291 §3.4: the auth secret binds the ECDH secret to this subscription.
  std::string key_info("WebPush: info", 13);
  key_info.push_back('\0');
  key_info += user_agent.p256dh;
  key_info += *sender_public;
  const auto input_key = hkdf(user_agent.auth, *shared, key_info, 32);
  if (!input_key) return std::nullopt;
  const auto content_key =
      hkdf(salt, *input_key, std::string_view("Content-Encoding: aes128gcm\0", 28), kKeyBytes);
  const auto nonce =
      hkdf(salt, *input_key, std::string_view("Content-Encoding: nonce\0", 24), kNonceBytes);
  if (!content_key || !nonce) return std::nullopt;
  std::string padded(plaintext);
  padded.push_back(kLastRecordDelimiter);
  const auto ciphertext = aes128gcm_seal(*content_key, *nonce, padded);
  if (!ciphertext) return std::nullopt;
  return coding_header(salt, *sender_public) + *ciphertext;
}

}  // namespace

std::optional<std::string> encrypt_push_message(std::string_view plaintext,
                                                const UserAgentKeys& user_agent,
                                                EVP_PKEY* sender_key, std::string_view salt) {
  if (plaintext.size() > kMaxPlaintextBytes || user_agent.p256dh.size() != auth::kP256PointBytes ||
      user_agent.auth.size() != kAuthSecretBytes || salt.size() != kSaltBytes ||
      sender_key == nullptr)
    return std::nullopt;
  auto body = seal(plaintext, user_agent, sender_key, salt);
  if (!body) ERR_clear_error();
  return body;
}

std::optional<std::string> encrypt_push_message(std::string_view plaintext,
                                                const UserAgentKeys& user_agent) {
  const auth::EvpPkeyPtr sender_key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!sender_key) return std::nullopt;
  return encrypt_push_message(plaintext, user_agent, sender_key.get(),
                              auth::random_bytes(kSaltBytes));
}

}  // namespace nicecream::push

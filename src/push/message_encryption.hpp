#pragma once

#include <openssl/evp.h>

#include <optional>
#include <string>
#include <string_view>

namespace nicecream::push {

// RFC 8188's record size that RFC 8291 fixes for a push message: one record, header included.
inline constexpr std::size_t kRecordSize = 4096;
// What fits in that record: 4096 - 86 (header) - 16 (tag) - 1 (padding delimiter).
inline constexpr std::size_t kMaxPlaintextBytes = 3993;

// A browser's subscription keys, raw: its P-256 public key (p256dh, 65 bytes uncompressed)
// and its authentication secret (auth, 16 bytes).
struct UserAgentKeys {
  std::string p256dh;
  std::string auth;
};

// The body of a push message per RFC 8291: ECDH between `sender_key` (a P-256 private key used
// for this message only) and the user agent's key, keys derived with its auth secret, and the
// aes128gcm content coding of RFC 8188 in one record (salt, rs 4096, keyid = the sender's public
// key). nullopt when the user agent's keys are malformed or the plaintext does not fit.
std::optional<std::string> encrypt_push_message(std::string_view plaintext,
                                                const UserAgentKeys& user_agent,
                                                EVP_PKEY* sender_key, std::string_view salt);

// The same with a fresh sender key and a random 16-byte salt, as every real message is sent.
std::optional<std::string> encrypt_push_message(std::string_view plaintext,
                                                const UserAgentKeys& user_agent);

}  // namespace nicecream::push

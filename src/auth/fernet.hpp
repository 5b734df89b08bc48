#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/models.hpp"

namespace nicecream::auth {

// A malformed key. The message never contains the key itself.
class FernetKeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// 32 bytes: the first 16 sign (HMAC-SHA256), the last 16 encrypt (AES-128-CBC).
class FernetKey {
 public:
  FernetKey(std::string signing, std::string encryption);
  const std::string& signing() const { return signing_; }
  const std::string& encryption() const { return encryption_; }

 private:
  std::string signing_;
  std::string encryption_;
};

// Reads a key as Python's `Fernet.generate_key()` writes it: 32 bytes in url-safe base64
// (44 characters with padding; unpadded and surrounding whitespace are accepted too).
// Throws FernetKeyError.
FernetKey parse_fernet_key(std::string_view text);

// A fresh random key in the same text form.
std::string generate_fernet_key();

// Fernet tokens (https://github.com/fernet/spec): version 0x80, 64-bit big-endian seconds,
// 128-bit IV, AES-128-CBC with PKCS7 padding, HMAC-SHA256 over all of it; url-safe base64.
class Fernet {
 public:
  // How far a token's timestamp may lie in the future (another machine's clock); as Python's.
  static constexpr std::chrono::seconds kMaxClockSkew{60};

  explicit Fernet(FernetKey key) : key_(std::move(key)) {}

  std::string encrypt(std::string_view plaintext, domain::Timestamp now) const;
  // With a chosen 16-byte IV, for known-answer tests only: an IV must never repeat.
  std::string encrypt_with_iv(std::string_view plaintext, domain::Timestamp now,
                              std::string_view iv) const;

  // nullopt for anything but an intact token under this key, made at most `max_age` ago and no
  // more than kMaxClockSkew ahead of `now`. Never throws on bad input.
  std::optional<std::string> decrypt(std::string_view token, std::chrono::seconds max_age,
                                     domain::Timestamp now) const;

 private:
  FernetKey key_;
};

}  // namespace nicecream::auth

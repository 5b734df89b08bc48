#include "auth/fernet.hpp"

#include <openssl/evp.h>

#include <array>
#include <climits>
#include <cstdint>
#include <string_view>

#include "auth/base64.hpp"
#include "auth/constant_time.hpp"
#include "auth/digest.hpp"
#include "auth/openssl_handles.hpp"
#include "auth/random.hpp"
#include "auth/unix_time.hpp"
#include "domain/text.hpp"

namespace nicecream::auth {
namespace {

constexpr unsigned char kVersion = 0x80;
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kHalfKeyBytes = 16;
constexpr std::size_t kTimestampBytes = 8;
constexpr std::size_t kIvBytes = 16;
constexpr std::size_t kBlockBytes = 16;
constexpr std::size_t kHmacBytes = 32;
constexpr std::size_t kHeaderBytes = 1 + kTimestampBytes + kIvBytes;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::string big_endian_64(std::uint64_t value) {
  std::string bytes(kTimestampBytes, '\0');
  for (std::size_t i = 0; i < kTimestampBytes; ++i) {
    bytes[kTimestampBytes - 1 - i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
  return bytes;
}

std::uint64_t read_big_endian_64(std::string_view bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < kTimestampBytes; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return value;
}

// Runs AES-128-CBC with PKCS7 padding one way or the other; nullopt when OpenSSL refuses
// (on decryption: bad padding).
std::optional<std::string> aes_128_cbc(std::string_view key, std::string_view iv,
                                       std::string_view input, bool encrypt) {
  if (input.size() > INT_MAX - kBlockBytes) {
    return std::nullopt;
  }
  const EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_CipherInit_ex2(ctx.get(), EVP_aes_128_cbc(), bytes_of(key), bytes_of(iv),
                                 encrypt ? 1 : 0, nullptr) != 1) {
    return std::nullopt;
  }
  std::string output(input.size() + kBlockBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(output.data());
  int written = 0;
  int final_written = 0;
  if (EVP_CipherUpdate(ctx.get(), out, &written, bytes_of(input), static_cast<int>(input.size())) !=
          1 ||
      EVP_CipherFinal_ex(ctx.get(), out + written, &final_written) != 1) {
    return std::nullopt;
  }
  output.resize(static_cast<std::size_t>(written + final_written));
  return output;
}

bool within_age(std::uint64_t issued, std::chrono::seconds max_age, domain::Timestamp now) {
  // Timestamps beyond any real clock cannot be valid, and must not overflow the sums below.
  if (issued > static_cast<std::uint64_t>(kLatestPlausibleUnixSeconds)) {
    return false;
  }
  const auto issued_at = static_cast<std::int64_t>(issued);
  const std::int64_t current = unix_seconds(now);
  return issued_at + max_age.count() >= current &&
         issued_at <= current + Fernet::kMaxClockSkew.count();
}

}  // namespace

FernetKey::FernetKey(std::string signing, std::string encryption)
    : signing_(std::move(signing)), encryption_(std::move(encryption)) {
  if (signing_.size() != kHalfKeyBytes || encryption_.size() != kHalfKeyBytes) {
    throw FernetKeyError("a Fernet key has a 16-byte signing half and a 16-byte encryption half");
  }
}

FernetKey parse_fernet_key(std::string_view text) {
  text = domain::trim(text);
  if (text.empty()) {
    throw FernetKeyError("the Fernet key is empty");
  }
  const auto bytes = decode_base64url(text);
  if (!bytes) {
    throw FernetKeyError(
        "the Fernet key is not url-safe base64 (expected 44 characters of A-Z a-z 0-9 - _ "
        "ending in '=', as Fernet.generate_key() writes)");
  }
  if (bytes->size() != kKeyBytes) {
    throw FernetKeyError("the Fernet key must decode to 32 bytes, it decodes to " +
                         std::to_string(bytes->size()));
  }
  return FernetKey(bytes->substr(0, kHalfKeyBytes), bytes->substr(kHalfKeyBytes));
}

std::string generate_fernet_key() {
  return encode_base64url(random_bytes(kKeyBytes), Padding::with);
}

std::string Fernet::encrypt(std::string_view plaintext, domain::Timestamp now) const {
  return encrypt_with_iv(plaintext, now, random_bytes(kIvBytes));
}

std::string Fernet::encrypt_with_iv(std::string_view plaintext, domain::Timestamp now,
                                    std::string_view iv) const {
  if (iv.size() != kIvBytes) {
    throw std::invalid_argument("a Fernet IV has 16 bytes");
  }
  const auto ciphertext = aes_128_cbc(key_.encryption(), iv, plaintext, true);
  if (!ciphertext) {
    throw std::runtime_error("AES-128-CBC encryption failed");
  }
  std::string token;
  token.reserve(kHeaderBytes + ciphertext->size() + kHmacBytes);
  token += static_cast<char>(kVersion);
  token += big_endian_64(static_cast<std::uint64_t>(unix_seconds(now)));
  token += iv;
  token += *ciphertext;
  token += hmac_sha256(key_.signing(), token);
  return encode_base64url(token, Padding::with);
}

std::optional<std::string> Fernet::decrypt(std::string_view token, std::chrono::seconds max_age,
                                           domain::Timestamp now) const {
  const auto data = decode_base64url(token);
  if (!data || data->size() < kHeaderBytes + kBlockBytes + kHmacBytes ||
      (data->size() - kHeaderBytes - kHmacBytes) % kBlockBytes != 0 ||
      static_cast<unsigned char>((*data)[0]) != kVersion) {
    return std::nullopt;
  }
  const std::string_view whole(*data);
  if (!within_age(read_big_endian_64(whole.substr(1, kTimestampBytes)), max_age, now)) {
    return std::nullopt;
  }
  const auto signed_part = whole.substr(0, whole.size() - kHmacBytes);
  if (!constant_time_equal(hmac_sha256(key_.signing(), signed_part),
                           whole.substr(signed_part.size()))) {
    return std::nullopt;
  }
  const auto iv = whole.substr(1 + kTimestampBytes, kIvBytes);
  return aes_128_cbc(key_.encryption(), iv, signed_part.substr(kHeaderBytes), false);
}

}  // namespace nicecream::auth

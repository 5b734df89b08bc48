#include "auth/fernet.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <chrono>

#include "auth/base64.hpp"

namespace nicecream::auth {
namespace {

using std::chrono::seconds;

// The Fernet spec's own vector (github.com/fernet/spec generate.json / verify.json).
constexpr std::string_view kSpecKey = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
constexpr std::string_view kSpecToken =
    "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4"
    "IwqDA==";
const domain::Timestamp kSpecNow{seconds(499162800)};  // 1985-10-26T01:20:00-07:00

std::string spec_iv() {
  std::string iv;
  for (int i = 0; i < 16; ++i) {
    iv += static_cast<char>(i);
  }
  return iv;
}

Fernet spec_fernet() {
  return Fernet(parse_fernet_key(kSpecKey));
}

TEST(Fernet, MakesTheSpecToken) {
  EXPECT_EQ(spec_fernet().encrypt_with_iv("hello", kSpecNow, spec_iv()), kSpecToken);
}

TEST(Fernet, OpensTheSpecToken) {
  EXPECT_EQ(spec_fernet().decrypt(kSpecToken, seconds(60), kSpecNow + seconds(1)), "hello");
}

TEST(Fernet, RoundTripsAnyPlaintext) {
  const Fernet fernet(parse_fernet_key(generate_fernet_key()));
  const auto now = domain::now();
  for (const std::string& plaintext :
       {std::string(), std::string("x"), std::string(15, 'a'), std::string(16, 'b'),
        std::string(1000, 'c'), std::string("\0\xff\x80 bytes", 9)}) {
    EXPECT_EQ(fernet.decrypt(fernet.encrypt(plaintext, now), seconds(10), now), plaintext);
  }
}

TEST(Fernet, EncryptsWithAFreshIvEachTime) {
  const Fernet fernet(parse_fernet_key(generate_fernet_key()));
  const auto now = domain::now();
  EXPECT_NE(fernet.encrypt("same", now), fernet.encrypt("same", now));
}

TEST(Fernet, RejectsExpiredTokens) {
  const auto fernet = spec_fernet();
  EXPECT_TRUE(fernet.decrypt(kSpecToken, seconds(60), kSpecNow + seconds(60)));
  EXPECT_FALSE(fernet.decrypt(kSpecToken, seconds(60), kSpecNow + seconds(61)));
}

TEST(Fernet, RejectsTokensFromTooFarInTheFuture) {
  const auto fernet = spec_fernet();
  EXPECT_TRUE(fernet.decrypt(kSpecToken, seconds(60), kSpecNow - Fernet::kMaxClockSkew));
  EXPECT_FALSE(
      fernet.decrypt(kSpecToken, seconds(60), kSpecNow - Fernet::kMaxClockSkew - seconds(1)));
}

TEST(Fernet, RejectsAnyTamperedByte) {
  const auto fernet = spec_fernet();
  const auto bytes = *decode_base64url(kSpecToken);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto tampered = bytes;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    EXPECT_FALSE(fernet.decrypt(encode_base64url(tampered, Padding::with), seconds(60),
                                kSpecNow + seconds(1)))
        << "byte " << i;
  }
}

TEST(Fernet, RejectsTruncatedAndPaddedTokens) {
  const auto fernet = spec_fernet();
  const auto bytes = *decode_base64url(kSpecToken);
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    EXPECT_FALSE(fernet.decrypt(encode_base64url(bytes.substr(0, length), Padding::with),
                                seconds(60), kSpecNow))
        << "length " << length;
  }
  EXPECT_FALSE(
      fernet.decrypt(encode_base64url(bytes + "extra", Padding::with), seconds(60), kSpecNow));
}

TEST(Fernet, RejectsAnotherKeysTokens) {
  const Fernet other(parse_fernet_key(generate_fernet_key()));
  EXPECT_FALSE(other.decrypt(kSpecToken, seconds(60), kSpecNow));
}

TEST(Fernet, RejectsJunkWithoutThrowing) {
  const auto fernet = spec_fernet();
  for (const std::string_view junk :
       {"", "gAAAAA", "not base64 at all!", "====", "\xff\xfe", "gAAAAAAdwJ6w"}) {
    EXPECT_FALSE(fernet.decrypt(junk, seconds(60), kSpecNow)) << junk;
  }
}

TEST(Fernet, RejectsAnUnknownVersion) {
  const Fernet fernet(parse_fernet_key(kSpecKey));
  auto bytes = *decode_base64url(kSpecToken);
  bytes[0] = static_cast<char>(0x81);
  EXPECT_FALSE(fernet.decrypt(encode_base64url(bytes, Padding::with), seconds(60), kSpecNow));
}

TEST(Fernet, RejectsAWellSignedTokenWhosePlaintextPaddingIsBroken) {
  // Only a holder of the key could make this: the HMAC is right, the CBC padding is not.
  const auto key = parse_fernet_key(kSpecKey);
  const auto token = *decode_base64url(kSpecToken);
  auto forged = token.substr(0, token.size() - 32);
  forged.back() = static_cast<char>(forged.back() ^ 0x55);  // scrambles the last plaintext byte
  unsigned char mac[32];
  std::size_t length = 0;
  ASSERT_NE(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.signing().data(),
                      key.signing().size(), reinterpret_cast<const unsigned char*>(forged.data()),
                      forged.size(), mac, sizeof mac, &length),
            nullptr);
  forged.append(reinterpret_cast<const char*>(mac), length);
  EXPECT_FALSE(Fernet(key).decrypt(encode_base64url(forged, Padding::with), seconds(60), kSpecNow));
}

TEST(FernetKey, ParsesGeneratedKeys) {
  const auto text = generate_fernet_key();
  EXPECT_EQ(text.size(), 44U);
  EXPECT_EQ(text.back(), '=');
  EXPECT_NO_THROW(parse_fernet_key(text));
  EXPECT_NE(generate_fernet_key(), text);
}

TEST(FernetKey, AcceptsSurroundingWhitespaceAndNoPadding) {
  EXPECT_NO_THROW(parse_fernet_key("  cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=\n"));
  EXPECT_NO_THROW(parse_fernet_key("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4"));
}

TEST(FernetKey, ExplainsMalformedKeysWithoutRepeatingThem) {
  const std::string_view bad_keys[] = {
      "",
      "   ",
      "short",
      "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=cw==",
      "cw/0x689RpI+jtRR7oE8h/eQsKImvJapLeSbXpwF4e4=",  // standard alphabet
      "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=\x01"};
  for (const auto key : bad_keys) {
    try {
      parse_fernet_key(key);
      ADD_FAILURE() << "accepted " << key;
    } catch (const FernetKeyError& error) {
      const std::string message = error.what();
      EXPECT_FALSE(message.empty());
      if (key.size() > 8) {
        EXPECT_EQ(message.find(key.substr(0, 8)), std::string::npos) << message;
      }
    }
  }
}

}  // namespace
}  // namespace nicecream::auth

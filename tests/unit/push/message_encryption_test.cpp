#include "push/message_encryption.hpp"

#include <gtest/gtest.h>

#include "auth/base64.hpp"
#include "push/vapid_key.hpp"

namespace nicecream::push {
namespace {

std::string decoded(std::string_view base64url) {
  return *auth::decode_base64url(base64url);
}

std::string encoded(std::string_view bytes) {
  return auth::encode_base64url(bytes, auth::Padding::without);
}

// RFC 8291 Appendix A: the application server's key, the user agent's keys and the salt of the
// example, and the message it encrypts to.
constexpr std::string_view kPlaintext = "When I grow up, I want to be a watermelon";
constexpr std::string_view kServerPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr std::string_view kServerPublic =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
constexpr std::string_view kUserAgentPublic =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
constexpr std::string_view kAuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
constexpr std::string_view kSalt = "DGv6ra1nlYgDCS1FRnbzlw";
constexpr std::string_view kMessage =
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS"
    "6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_"
    "Qulcy4a-fN";

UserAgentKeys example_user_agent() {
  return {.p256dh = decoded(kUserAgentPublic), .auth = decoded(kAuthSecret)};
}

TEST(PushMessageEncryption, ReproducesRfc8291Example) {
  const auto server = VapidKey::from_private_scalar(kServerPrivate);
  ASSERT_EQ(server.public_key(), kServerPublic);
  const auto message =
      encrypt_push_message(kPlaintext, example_user_agent(), server.key(), decoded(kSalt));
  ASSERT_TRUE(message);
  EXPECT_EQ(encoded(*message), kMessage);
}

TEST(PushMessageEncryption, FreshKeyAndSaltEveryMessage) {
  const auto first = encrypt_push_message(kPlaintext, example_user_agent());
  const auto second = encrypt_push_message(kPlaintext, example_user_agent());
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  // header 86 + plaintext + delimiter + tag 16
  EXPECT_EQ(first->size(), 86 + kPlaintext.size() + 1 + 16);
  EXPECT_EQ(first->substr(16, 5), std::string("\x00\x00\x10\x00\x41", 5));  // rs 4096, idlen 65
  EXPECT_NE(first->substr(0, 16), second->substr(0, 16));                   // salt
  EXPECT_NE(first->substr(21, 65), second->substr(21, 65));                 // sender key
}

TEST(PushMessageEncryption, RefusesWhatCannotBeSent) {
  const auto keys = example_user_agent();
  EXPECT_FALSE(encrypt_push_message(std::string(kMaxPlaintextBytes + 1, 'x'), keys));
  EXPECT_TRUE(encrypt_push_message(std::string(kMaxPlaintextBytes, 'x'), keys));

  auto short_auth = keys;
  short_auth.auth.pop_back();
  EXPECT_FALSE(encrypt_push_message(kPlaintext, short_auth));

  auto off_curve = keys;
  off_curve.p256dh.back() = static_cast<char>(off_curve.p256dh.back() ^ 1);
  EXPECT_FALSE(encrypt_push_message(kPlaintext, off_curve));

  auto compressed = keys;
  compressed.p256dh[0] = 0x02;
  EXPECT_FALSE(encrypt_push_message(kPlaintext, compressed));
}

}  // namespace
}  // namespace nicecream::push

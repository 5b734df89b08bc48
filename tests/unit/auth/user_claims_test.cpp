#include "auth/user_claims.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace nicecream::auth {
namespace {

domain::UserClaims claims_of(std::string_view json) {
  return user_claims_from(boost::json::parse(json).as_object());
}

TEST(UserClaims, TakesTheProfileClaims) {
  const auto user = claims_of(R"({"sub": "123", "given_name": "Ada", "family_name": "Lovelace",
      "name": "Countess Ada", "picture": "https://img.example/ada.png", "email": "ada@x.test"})");
  EXPECT_EQ(user.sub, "123");
  EXPECT_EQ(user.given_name, "Ada");
  EXPECT_EQ(user.family_name, "Lovelace");
  EXPECT_EQ(user.picture, "https://img.example/ada.png");
}

TEST(UserClaims, SplitsTheNameWhenGivenAndFamilyNamesAreMissing) {
  const auto user = claims_of(R"({"sub": "1", "name": "Grace Brewster Hopper"})");
  EXPECT_EQ(user.given_name, "Grace");
  EXPECT_EQ(user.family_name, "Brewster Hopper");
  EXPECT_EQ(claims_of(R"({"sub": "1", "name": " Cher "})").given_name, "Cher");
  EXPECT_EQ(claims_of(R"({"sub": "1", "name": "Cher"})").family_name, "");
}

TEST(UserClaims, KeepsAFamilyNameGivenAlone) {
  const auto user = claims_of(R"({"sub": "1", "family_name": "Hopper", "name": "Grace Hopper"})");
  EXPECT_EQ(user.given_name, "Grace");
  EXPECT_EQ(user.family_name, "Hopper");
}

TEST(UserClaims, FallsBackToTheEmailsLocalPart) {
  const auto user = claims_of(R"({"sub": "1", "email": "someone@example.test"})");
  EXPECT_EQ(user.given_name, "someone");
  EXPECT_EQ(user.family_name, "");
}

TEST(UserClaims, LeavesNamesEmptyWhenNothingIsShared) {
  const auto user = claims_of(R"({"sub": "1", "given_name": 5, "name": null})");
  EXPECT_EQ(user.given_name, "");
  EXPECT_EQ(user.family_name, "");
  EXPECT_EQ(user.picture, "");
}

TEST(UserClaims, DropsPicturesThatAreNotWebUrls) {
  EXPECT_EQ(claims_of(R"j({"sub": "1", "picture": "javascript:alert(1)"})j").picture, "");
  EXPECT_EQ(claims_of(R"({"sub": "1", "picture": "data:image/png;base64,AAAA"})").picture, "");
  EXPECT_EQ(claims_of(R"({"sub": "1", "picture": "http://127.0.0.1/p.png"})").picture,
            "http://127.0.0.1/p.png");
}

TEST(UserClaims, KeepsTheSubjectExactly) {
  EXPECT_EQ(claims_of(R"({"sub": " padded "})").sub, " padded ");
}

TEST(UserClaims, CutsOverlongNamesAtACharacterBoundary) {
  std::string name;
  for (int i = 0; i < 150; ++i) {
    name += "\xc3\xa9";  // é, two bytes
  }
  const auto user = claims_of(R"({"sub": "1", "given_name": ")" + name + "\"}");
  EXPECT_EQ(user.given_name.size(), 200U);
  EXPECT_EQ(user.given_name, name.substr(0, 200));
  const auto odd = claims_of(R"({"sub": "1", "given_name": "x)" + name + "\"}");
  EXPECT_EQ(odd.given_name.size(), 199U);  // 200 would split an é
}

TEST(UserClaims, KeepsOnlyAVerifiedEmail) {
  EXPECT_EQ(claims_of(R"({"sub": "1", "email": "a@x.test", "email_verified": true})").email,
            "a@x.test");
  EXPECT_EQ(claims_of(R"({"sub": "1", "email": "a@x.test", "email_verified": "true"})").email,
            "a@x.test");
  EXPECT_EQ(claims_of(R"({"sub": "1", "email": "a@x.test", "email_verified": false})").email, "");
  EXPECT_EQ(claims_of(R"({"sub": "1", "email": "a@x.test"})").email, "");
  EXPECT_EQ(claims_of(R"({"sub": "1", "email": "not-an-address", "email_verified": true})").email,
            "");
}

}  // namespace
}  // namespace nicecream::auth

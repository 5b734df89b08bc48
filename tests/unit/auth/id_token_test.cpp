#include "auth/id_token.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <set>

#include "auth/base64.hpp"
#include "unit/auth/token_forge.hpp"

namespace nicecream::auth {
namespace {

namespace json = boost::json;
using std::chrono::seconds;
using testing::encode_part;
using testing::sign_jwt;
using testing::SigningKey;

constexpr const char* kIssuer = "https://issuer.example";
constexpr const char* kClient = "client-1";
constexpr const char* kNonce = "nonce-1";
constexpr std::int64_t kNowSeconds = 1'800'000'000;
const domain::Timestamp kNow{seconds(kNowSeconds)};

// Key generation is slow; one set serves every test.
struct Keys {
  SigningKey rsa = testing::make_rsa_key("rsa-1");
  SigningKey rsa_other = testing::make_rsa_key("rsa-2");
  SigningKey ec = testing::make_p256_key("ec-1");
  SigningKey foreign = testing::make_rsa_key("rsa-1");  // same kid, another key
  JwkSet jwks = *parse_jwks(testing::jwks_json({&rsa, &rsa_other, &ec}));
};

const Keys& keys() {
  static const Keys instance;
  return instance;
}

json::object good_claims() {
  return {{"iss", kIssuer},     {"aud", kClient},          {"sub", "user-123"},
          {"nonce", kNonce},    {"iat", kNowSeconds - 10}, {"exp", kNowSeconds + 3600},
          {"given_name", "Ada"}};
}

IdTokenExpectations expected(domain::Timestamp now = kNow) {
  return {
      .issuer = kIssuer, .client_id = kClient, .nonce = kNonce, .now = now, .leeway = seconds(60)};
}

SignInResult<json::object> verify(const std::string& token, domain::Timestamp now = kNow) {
  return verify_id_token(token, keys().jwks, expected(now));
}

SignInError error_of(const std::string& token, domain::Timestamp now = kNow) {
  const auto result = verify(token, now);
  EXPECT_FALSE(result.ok()) << "accepted";
  return result.ok() ? SignInError::malformed : result.error();
}

json::object with(json::object claims, std::string_view key, json::value value) {
  claims[key] = std::move(value);
  return claims;
}

json::object without(json::object claims, std::string_view key) {
  claims.erase(key);
  return claims;
}

TEST(IdToken, AcceptsAnRs256TokenAndReturnsItsClaims) {
  const auto result = verify(sign_jwt(good_claims(), keys().rsa));
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  EXPECT_EQ(result->at("sub").as_string(), "user-123");
  EXPECT_EQ(result->at("given_name").as_string(), "Ada");
}

TEST(IdToken, AcceptsAnEs256Token) {
  const auto result = verify(sign_jwt(good_claims(), keys().ec));
  EXPECT_TRUE(result.ok()) << to_string(result.error());
}

TEST(IdToken, PicksTheKeyByKid) {
  EXPECT_TRUE(verify(sign_jwt(good_claims(), keys().rsa_other)).ok());
}

TEST(IdToken, WithoutKidUsesTheOnlyKeyOfTheRightType) {
  const json::object header{{"alg", "ES256"}};
  EXPECT_TRUE(verify(sign_jwt(header, good_claims(), keys().ec)).ok());
  // Two RSA keys: without a kid there is no telling which.
  EXPECT_EQ(error_of(sign_jwt({{"alg", "RS256"}}, good_claims(), keys().rsa)),
            SignInError::unknown_key);
}

TEST(IdToken, RejectsAnUnknownKid) {
  EXPECT_EQ(error_of(sign_jwt({{"alg", "RS256"}, {"kid", "nope"}}, good_claims(), keys().rsa)),
            SignInError::unknown_key);
}

TEST(IdToken, RejectsAKidWhoseKeyIsOfAnotherType) {
  // kid of the EC key, but alg RS256: the RSA signature must not be checked against it.
  EXPECT_EQ(error_of(sign_jwt({{"alg", "RS256"}, {"kid", "ec-1"}}, good_claims(), keys().rsa)),
            SignInError::unknown_key);
}

TEST(IdToken, RejectsASignatureByAnotherKey) {
  EXPECT_EQ(error_of(sign_jwt(good_claims(), keys().foreign)), SignInError::bad_signature);
}

TEST(IdToken, RejectsChangedClaims) {
  const auto token = sign_jwt(good_claims(), keys().rsa);
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  const auto forged = token.substr(0, first_dot + 1) +
                      encode_part(with(good_claims(), "sub", "admin")) + token.substr(second_dot);
  EXPECT_EQ(error_of(forged), SignInError::bad_signature);
}

TEST(IdToken, RejectsEs256SignaturesOfTheWrongShape) {
  const auto token = sign_jwt(good_claims(), keys().ec);
  const auto signature_start = token.rfind('.') + 1;
  const auto raw = *decode_base64url(token.substr(signature_start));
  ASSERT_EQ(raw.size(), 64U);
  const auto prefix = token.substr(0, signature_start);
  EXPECT_EQ(error_of(prefix + encode_base64url(raw.substr(0, 63), Padding::without)),
            SignInError::bad_signature);
  EXPECT_EQ(error_of(prefix + encode_base64url(raw + "x", Padding::without)),
            SignInError::bad_signature);
  EXPECT_EQ(error_of(prefix + encode_base64url(std::string(64, '\0'), Padding::without)),
            SignInError::bad_signature);
  EXPECT_EQ(error_of(prefix), SignInError::bad_signature);
}

TEST(IdToken, RejectsAlgNoneAndHmac) {
  const auto claims = encode_part(good_claims());
  EXPECT_EQ(error_of(encode_part({{"alg", "none"}}) + "." + claims + "."),
            SignInError::unsupported_algorithm);
  EXPECT_EQ(error_of(encode_part({{"alg", "HS256"}, {"kid", "rsa-1"}}) + "." + claims + ".c2ln"),
            SignInError::unsupported_algorithm);
  EXPECT_EQ(error_of(encode_part({{"alg", "RS512"}}) + "." + claims + ".c2ln"),
            SignInError::unsupported_algorithm);
  EXPECT_EQ(error_of(encode_part({{"kid", "rsa-1"}}) + "." + claims + ".c2ln"),
            SignInError::unsupported_algorithm);
  EXPECT_EQ(error_of(encode_part({{"alg", 256}}) + "." + claims + ".c2ln"),
            SignInError::unsupported_algorithm);
}

TEST(IdToken, RejectsCriticalHeaderExtensions) {
  EXPECT_EQ(error_of(sign_jwt({{"alg", "RS256"}, {"kid", "rsa-1"}, {"crit", json::array{"exp"}}},
                              good_claims(), keys().rsa)),
            SignInError::malformed);
}

TEST(IdToken, RejectsMalformedTokens) {
  const auto good = sign_jwt(good_claims(), keys().rsa);
  for (const std::string& token :
       {std::string(), std::string("a.b"), std::string("a.b.c.d"), good + ".", "." + good,
        good.substr(0, good.find('.')) + "=" + good.substr(good.find('.')),
        encode_part({{"alg", "RS256"}}) + ".bm90IGpzb24." + "c2ln",
        encode_base64url("[1]", Padding::without) + "." + encode_part(good_claims()) + ".c2ln",
        std::string(20000, 'a') + ".b.c"}) {
    EXPECT_EQ(error_of(token), SignInError::malformed) << token.substr(0, 80);
  }
}

TEST(IdToken, RejectsTheWrongIssuer) {
  const auto& rsa = keys().rsa;
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "iss", "https://evil.example"), rsa)),
            SignInError::wrong_issuer);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "iss", "https://issuer.example/"), rsa)),
            SignInError::wrong_issuer);
  EXPECT_EQ(error_of(sign_jwt(without(good_claims(), "iss"), rsa)), SignInError::wrong_issuer);
}

TEST(IdToken, ChecksTheAudience) {
  const auto& rsa = keys().rsa;
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "aud", "someone-else"), rsa)),
            SignInError::wrong_audience);
  EXPECT_EQ(error_of(sign_jwt(without(good_claims(), "aud"), rsa)), SignInError::wrong_audience);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "aud", json::array{"a", "b"}), rsa)),
            SignInError::wrong_audience);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "aud", 5), rsa)), SignInError::malformed);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "aud", json::array{kClient, 5}), rsa)),
            SignInError::malformed);
  EXPECT_TRUE(verify(sign_jwt(with(good_claims(), "aud", json::array{kClient}), rsa)).ok());
}

TEST(IdToken, ChecksTheAuthorizedPartyWhenThereAreSeveralAudiences) {
  const auto& rsa = keys().rsa;
  const auto several = with(good_claims(), "aud", json::array{"other", kClient});
  EXPECT_EQ(error_of(sign_jwt(several, rsa)), SignInError::wrong_authorized_party);
  EXPECT_EQ(error_of(sign_jwt(with(several, "azp", "other"), rsa)),
            SignInError::wrong_authorized_party);
  EXPECT_TRUE(verify(sign_jwt(with(several, "azp", kClient), rsa)).ok());
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "azp", "other"), rsa)),
            SignInError::wrong_authorized_party);
}

TEST(IdToken, AllowsSixtySecondsOfClockSkewOnExpiry) {
  const auto token = sign_jwt(with(good_claims(), "exp", kNowSeconds), keys().rsa);
  EXPECT_TRUE(verify(token, kNow + seconds(60)).ok());
  EXPECT_EQ(error_of(token, kNow + seconds(61)), SignInError::expired);
}

TEST(IdToken, AllowsSixtySecondsOfClockSkewOnIssuance) {
  const auto token = sign_jwt(with(good_claims(), "iat", kNowSeconds + 60), keys().rsa);
  EXPECT_TRUE(verify(token).ok());
  EXPECT_EQ(error_of(token, kNow - seconds(1)), SignInError::issued_in_future);
}

TEST(IdToken, HonoursNotBefore) {
  const auto token = sign_jwt(with(good_claims(), "nbf", kNowSeconds + 120), keys().rsa);
  EXPECT_EQ(error_of(token), SignInError::not_yet_valid);
  EXPECT_TRUE(verify(token, kNow + seconds(60)).ok());
}

TEST(IdToken, AcceptsFractionalTimes) {
  EXPECT_TRUE(verify(sign_jwt(with(good_claims(), "exp", kNowSeconds + 0.5), keys().rsa)).ok());
}

TEST(IdToken, RequiresWellFormedTimes) {
  const auto& rsa = keys().rsa;
  EXPECT_EQ(error_of(sign_jwt(without(good_claims(), "exp"), rsa)), SignInError::malformed);
  EXPECT_EQ(error_of(sign_jwt(without(good_claims(), "iat"), rsa)), SignInError::malformed);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "exp", "tomorrow"), rsa)),
            SignInError::malformed);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "exp", 1e300), rsa)), SignInError::malformed);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "nbf", json::array{}), rsa)),
            SignInError::malformed);
}

TEST(IdToken, RequiresOurNonce) {
  const auto& rsa = keys().rsa;
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "nonce", "other"), rsa)),
            SignInError::nonce_mismatch);
  EXPECT_EQ(error_of(sign_jwt(without(good_claims(), "nonce"), rsa)), SignInError::nonce_mismatch);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "nonce", 1), rsa)), SignInError::nonce_mismatch);
  auto no_nonce_expected = expected();
  no_nonce_expected.nonce = "";
  EXPECT_FALSE(verify_id_token(sign_jwt(with(good_claims(), "nonce", ""), rsa), keys().jwks,
                               no_nonce_expected)
                   .ok());
}

TEST(IdToken, RequiresASubject) {
  const auto& rsa = keys().rsa;
  EXPECT_EQ(error_of(sign_jwt(without(good_claims(), "sub"), rsa)), SignInError::missing_subject);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "sub", ""), rsa)), SignInError::missing_subject);
  EXPECT_EQ(error_of(sign_jwt(with(good_claims(), "sub", 12), rsa)), SignInError::missing_subject);
}

TEST(IdToken, ChecksTheSignatureBeforeTheClaims) {
  // A forged token with every claim wrong is reported as forged, not as expired.
  auto claims = with(with(good_claims(), "exp", 1), "iss", "x");
  EXPECT_EQ(error_of(sign_jwt(claims, keys().foreign)), SignInError::bad_signature);
}

TEST(SignInErrorCodes, AreDistinctSnakeCase) {
  std::set<std::string_view> codes;
  for (int i = 0; i <= static_cast<int>(SignInError::jwks_unavailable); ++i) {
    const auto code = to_string(static_cast<SignInError>(i));
    EXPECT_EQ(code.find_first_not_of("abcdefghijklmnopqrstuvwxyz_"), std::string_view::npos);
    codes.insert(code);
  }
  EXPECT_EQ(codes.size(), static_cast<std::size_t>(SignInError::jwks_unavailable) + 1);
}

}  // namespace
}  // namespace nicecream::auth

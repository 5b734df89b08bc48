#include "auth/jwk.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth/base64.hpp"
#include "unit/auth/token_forge.hpp"

namespace nicecream::auth {
namespace {

namespace json = boost::json;

std::string jwks_of(std::initializer_list<json::object> keys) {
  json::array array;
  for (const auto& key : keys) {
    array.push_back(key);
  }
  return json::serialize(json::object{{"keys", array}});
}

TEST(Jwks, BuildsRsaAndP256Keys) {
  const auto rsa = testing::make_rsa_key("r");
  const auto ec = testing::make_p256_key("e");
  const auto set = parse_jwks(testing::jwks_json({&rsa, &ec}));
  ASSERT_TRUE(set);
  ASSERT_EQ(set->size(), 2U);
  EXPECT_EQ((*set)[0].kid, "r");
  EXPECT_EQ((*set)[0].alg, "RS256");
  EXPECT_EQ(EVP_PKEY_eq((*set)[0].key.get(), rsa.key.get()), 1);
  EXPECT_EQ(EVP_PKEY_eq((*set)[1].key.get(), ec.key.get()), 1);
}

TEST(Jwks, SkipsKeysItCannotUse) {
  const auto rsa = testing::make_rsa_key("good");
  const auto weak = testing::make_rsa_key("weak", 1024);
  const auto ec = testing::make_p256_key("ec");
  auto encryption = rsa.public_jwk();
  encryption["use"] = "enc";
  auto other_curve = ec.public_jwk();
  other_curve["crv"] = "P-384";
  auto off_curve = ec.public_jwk();
  off_curve["y"] = encode_base64url(std::string(32, '\x01'), Padding::without);
  auto short_x = ec.public_jwk();
  short_x["x"] = "AQAB";
  auto even_exponent = rsa.public_jwk();
  even_exponent["e"] = "AQAC";
  auto bad_base64 = rsa.public_jwk();
  bad_base64["n"] = "!!!";
  const auto set = parse_jwks(
      jwks_of({weak.public_jwk(), encryption, other_curve, off_curve, short_x, even_exponent,
               bad_base64, json::object{{"kty", "oct"}, {"k", "c2VjcmV0"}},
               json::object{{"kty", "OKP"}}, json::object{}, rsa.public_jwk()}));
  ASSERT_TRUE(set);
  ASSERT_EQ(set->size(), 1U);
  EXPECT_EQ((*set)[0].kid, "good");
}

TEST(Jwks, RejectsDocumentsThatAreNotKeySets) {
  for (const std::string_view json : {"", "[]", "{}", R"({"keys": {}})", "not json"}) {
    EXPECT_FALSE(parse_jwks(json)) << json;
  }
  EXPECT_EQ(parse_jwks(R"({"keys": [1, "x", null]})")->size(), 0U);
}

TEST(SelectKey, MatchesKidTypeAndPinnedAlgorithm) {
  const auto rsa = testing::make_rsa_key("k");
  auto pinned_ps256 = testing::make_rsa_key("ps").public_jwk();
  pinned_ps256["alg"] = "PS256";
  auto set = *parse_jwks(jwks_of({rsa.public_jwk(), pinned_ps256}));
  EXPECT_EQ(select_key(set, "k", JwsAlgorithm::rs256), &set[0]);
  EXPECT_EQ(select_key(set, "k", JwsAlgorithm::es256), nullptr);
  EXPECT_EQ(select_key(set, "ps", JwsAlgorithm::rs256), nullptr);
  EXPECT_EQ(select_key(set, "", JwsAlgorithm::rs256), &set[0]);
  EXPECT_EQ(select_key(set, "missing", JwsAlgorithm::rs256), nullptr);
}

}  // namespace
}  // namespace nicecream::auth

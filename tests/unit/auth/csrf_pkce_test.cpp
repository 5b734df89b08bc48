#include <gtest/gtest.h>

#include <set>

#include "auth/csrf.hpp"
#include "auth/pkce.hpp"

namespace nicecream::auth {
namespace {

bool is_url_safe(std::string_view text) {
  return text.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
         std::string_view::npos;
}

TEST(Csrf, TokensAreUrlSafeAndCarry32Bytes) {
  const auto token = new_csrf_token();
  EXPECT_EQ(token.size(), 43U);
  EXPECT_TRUE(is_url_safe(token)) << token;
}

TEST(Csrf, TokensDoNotRepeat) {
  std::set<std::string> tokens;
  for (int i = 0; i < 100; ++i) {
    tokens.insert(new_csrf_token());
  }
  EXPECT_EQ(tokens.size(), 100U);
}

TEST(Csrf, MatchesOnlyTheSameNonEmptyValue) {
  const auto token = new_csrf_token();
  EXPECT_TRUE(csrf_token_matches(token, token));
  EXPECT_FALSE(csrf_token_matches("", token));
  EXPECT_FALSE(csrf_token_matches(token, ""));
  EXPECT_FALSE(csrf_token_matches("", ""));
  EXPECT_FALSE(csrf_token_matches(new_csrf_token(), token));
  EXPECT_FALSE(csrf_token_matches(token.substr(0, 42), token));
  EXPECT_FALSE(csrf_token_matches(token + "x", token));
}

TEST(Pkce, MatchesTheRfc7636Example) {
  // RFC 7636 Appendix B.
  EXPECT_EQ(code_challenge_s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, VerifiersAreValidAndFresh) {
  const auto verifier = new_code_verifier();
  EXPECT_TRUE(is_valid_code_verifier(verifier));
  EXPECT_EQ(verifier.size(), 43U);
  EXPECT_NE(new_code_verifier(), verifier);
}

TEST(Pkce, ValidatesVerifierLengthAndAlphabet) {
  EXPECT_FALSE(is_valid_code_verifier(std::string(42, 'a')));
  EXPECT_TRUE(is_valid_code_verifier(std::string(43, 'a')));
  EXPECT_TRUE(is_valid_code_verifier(std::string(128, '~')));
  EXPECT_FALSE(is_valid_code_verifier(std::string(129, 'a')));
  EXPECT_FALSE(is_valid_code_verifier(std::string(42, 'a') + "+"));
  EXPECT_THROW(code_challenge_s256("short"), std::invalid_argument);
}

TEST(Pkce, StateAndNonceAreUrlSafeAndDistinct) {
  const auto state = new_oauth_state();
  const auto nonce = new_nonce();
  EXPECT_TRUE(is_url_safe(state));
  EXPECT_TRUE(is_url_safe(nonce));
  EXPECT_GE(state.size(), 43U);
  EXPECT_NE(state, nonce);
}

}  // namespace
}  // namespace nicecream::auth

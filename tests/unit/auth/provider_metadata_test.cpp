#include "auth/provider_metadata.hpp"

#include <gtest/gtest.h>

#include <boost/url/parse.hpp>
#include <map>

#include "auth/authorization_url.hpp"
#include "auth/token_exchange.hpp"

namespace nicecream::auth {
namespace {

constexpr std::string_view kGoogleLike = R"({
  "issuer": "https://accounts.google.com",
  "authorization_endpoint": "https://accounts.google.com/o/oauth2/v2/auth",
  "token_endpoint": "https://oauth2.googleapis.com/token",
  "jwks_uri": "https://www.googleapis.com/oauth2/v3/certs",
  "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"]
})";

TEST(Discovery, BuildsTheWellKnownUrl) {
  EXPECT_EQ(discovery_url("https://accounts.google.com"),
            "https://accounts.google.com/.well-known/openid-configuration");
  EXPECT_EQ(discovery_url("https://login.example/tenant/"),
            "https://login.example/tenant/.well-known/openid-configuration");
}

TEST(Discovery, ReadsTheEndpoints) {
  const auto metadata = parse_provider_metadata(kGoogleLike, "https://accounts.google.com");
  ASSERT_TRUE(metadata.ok()) << to_string(metadata.error());
  EXPECT_EQ(metadata->token_endpoint, "https://oauth2.googleapis.com/token");
  EXPECT_EQ(metadata->jwks_uri, "https://www.googleapis.com/oauth2/v3/certs");
  EXPECT_EQ(metadata->token_endpoint_auth_methods.size(), 2U);
}

TEST(Discovery, RequiresTheConfiguredIssuerExactly) {
  EXPECT_EQ(parse_provider_metadata(kGoogleLike, "https://accounts.google.com/").error(),
            SignInError::issuer_mismatch);
  EXPECT_EQ(parse_provider_metadata(kGoogleLike, "https://evil.example").error(),
            SignInError::issuer_mismatch);
}

TEST(Discovery, RejectsMissingOrUnsafeEndpoints) {
  const std::string base =
      R"({"issuer": "https://i.example", "authorization_endpoint": "https://i.example/a", "jwks_uri": "https://i.example/k", )";
  EXPECT_EQ(parse_provider_metadata(base + R"("token_endpoint": "http://i.example/t"})",
                                    "https://i.example")
                .error(),
            SignInError::discovery_failed);
  EXPECT_EQ(parse_provider_metadata(base + R"("token_endpoint": "/relative"})", "https://i.example")
                .error(),
            SignInError::discovery_failed);
  EXPECT_EQ(parse_provider_metadata(base + R"("token_endpoint": 5})", "https://i.example").error(),
            SignInError::discovery_failed);
  EXPECT_EQ(parse_provider_metadata(base + R"("token_endpoint": "file:///etc/passwd"})",
                                    "https://i.example")
                .error(),
            SignInError::discovery_failed);
  EXPECT_TRUE(parse_provider_metadata(base + R"("token_endpoint": "https://i.example/t"})",
                                      "https://i.example")
                  .ok());
}

TEST(Discovery, AllowsHttpEndpointsOnlyForAnHttpIssuer) {
  const std::string loopback =
      R"({"issuer": "http://127.0.0.1:4000", "authorization_endpoint": "http://127.0.0.1:4000/auth", "token_endpoint": "http://127.0.0.1:4000/token", "jwks_uri": "http://127.0.0.1:4000/jwks"})";
  EXPECT_TRUE(parse_provider_metadata(loopback, "http://127.0.0.1:4000").ok());
}

TEST(Discovery, RejectsDocumentsThatAreNotObjects) {
  for (const std::string_view json : {"", "[]", "null", "<html>"}) {
    EXPECT_EQ(parse_provider_metadata(json, "https://i.example").error(),
              SignInError::discovery_failed);
  }
}

std::multimap<std::string, std::string> query_of(std::string_view url) {
  std::multimap<std::string, std::string> params;
  for (const auto& param : boost::urls::parse_uri(url)->params()) {
    params.emplace(param.key, param.value);
  }
  return params;
}

TEST(AuthorizationUrl, CarriesEveryParameter) {
  const auto url = authorization_url(
      "https://accounts.google.com/o/oauth2/v2/auth",
      AuthorizationRequest{.client_id = "client id&x",
                           .redirect_uri = "https://api.example/user/google/callback",
                           .state = "st",
                           .nonce = "no",
                           .code_challenge = "ch"});
  EXPECT_TRUE(url.starts_with("https://accounts.google.com/o/oauth2/v2/auth?"));
  const std::multimap<std::string, std::string> expected{
      {"response_type", "code"},
      {"scope", "openid email profile"},
      {"client_id", "client id&x"},
      {"redirect_uri", "https://api.example/user/google/callback"},
      {"state", "st"},
      {"nonce", "no"},
      {"code_challenge", "ch"},
      {"code_challenge_method", "S256"},
      {"prompt", "select_account"}};
  EXPECT_EQ(query_of(url), expected);
}

TEST(AuthorizationUrl, KeepsTheEndpointsOwnQuery) {
  const auto url = authorization_url("https://login.example/authorize?tenant=t1",
                                     AuthorizationRequest{.client_id = "c",
                                                          .redirect_uri = "r",
                                                          .state = "s",
                                                          .nonce = "n",
                                                          .code_challenge = "c"});
  EXPECT_EQ(query_of(url).count("tenant"), 1U);
  EXPECT_THROW(authorization_url("not a url", {}), std::invalid_argument);
}

TEST(TokenRequest, SendsBasicCredentialsFormEncoded) {
  const auto request = token_request(CodeExchange{.code = "c/1",
                                                  .code_verifier = "v",
                                                  .redirect_uri = "https://a.example/cb?x=1",
                                                  .client_id = "id:1",
                                                  .client_secret = "s e+cret"},
                                     ClientAuthMethod::client_secret_basic);
  EXPECT_EQ(request.body,
            "grant_type=authorization_code&code=c%2F1&redirect_uri=https%3A%2F%2Fa.example%2Fcb%"
            "3Fx%3D1&code_verifier=v");
  // base64("id%3A1:s+e%2Bcret")
  EXPECT_EQ(request.authorization, "Basic aWQlM0ExOnMrZSUyQmNyZXQ=");
}

TEST(TokenRequest, SendsPostCredentialsInTheBody) {
  const auto request = token_request(CodeExchange{.code = "c",
                                                  .code_verifier = "v",
                                                  .redirect_uri = "r",
                                                  .client_id = "id",
                                                  .client_secret = "secret"},
                                     ClientAuthMethod::client_secret_post);
  EXPECT_EQ(request.authorization, "");
  EXPECT_TRUE(request.body.ends_with("&client_id=id&client_secret=secret"));
}

TEST(TokenRequest, ChoosesTheClientAuthMethod) {
  EXPECT_EQ(choose_client_auth({}, std::nullopt), ClientAuthMethod::client_secret_basic);
  EXPECT_EQ(choose_client_auth({"client_secret_post"}, std::nullopt),
            ClientAuthMethod::client_secret_post);
  EXPECT_EQ(choose_client_auth({"client_secret_post", "client_secret_basic"}, std::nullopt),
            ClientAuthMethod::client_secret_basic);
  EXPECT_EQ(choose_client_auth({"client_secret_basic"}, ClientAuthMethod::client_secret_post),
            ClientAuthMethod::client_secret_post);
}

TEST(TokenResponse, TakesTheIdToken) {
  EXPECT_EQ(
      id_token_from_token_response(200, R"({"access_token": "a", "id_token": "x.y.z"})").value(),
      "x.y.z");
}

TEST(TokenResponse, ReportsRefusalsAndNonsense) {
  std::string provider_error;
  EXPECT_EQ(
      id_token_from_token_response(400, R"({"error": "invalid_grant"})", &provider_error).error(),
      SignInError::token_exchange_failed);
  EXPECT_EQ(provider_error, "invalid_grant");
  std::string ignored;
  id_token_from_token_response(400, R"({"error": "bad\nline: injected"})", &ignored);
  EXPECT_EQ(ignored, "");
  for (const auto& [status, body] : std::vector<std::pair<long, std::string>>{
           {200, "{}"},
           {200, R"({"id_token": 5})"},
           {200, R"({"id_token": ""})"},
           {200, "<html>"},
           {500, R"({"id_token": "x.y.z"})"},
           {200, R"({"id_token": "x.y.z", "error": "server_error"})"}}) {
    EXPECT_EQ(id_token_from_token_response(status, body).error(),
              SignInError::token_exchange_failed)
        << body;
  }
}

}  // namespace
}  // namespace nicecream::auth

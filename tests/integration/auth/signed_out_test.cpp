// What a server says to people who are not signed in, and a server without sign-in configured.
// None of this needs the test OpenID provider.
#include <boost/json.hpp>

#include "auth/fernet.hpp"
#include "integration/api/server_fixture.hpp"
#include "integration/auth/browser.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

const std::string kSpaUrl = "http://app.test/";

class SignedOutTest : public OnEachEngine<> {
 protected:
  void SetUp() override { start({{"SPA_URL", kSpaUrl}}); }

  void expect_not_signed_in(const HttpResponse& response, const std::string& what) {
    EXPECT_EQ(response.status, 401) << what << ": " << response.body;
    EXPECT_EQ(response.header("content-type"), "application/json") << what;
    EXPECT_TRUE(response.json().at("detail").is_string()) << what;
    EXPECT_TRUE(set_cookies(response).empty()) << what;
  }
};

TEST_P(SignedOutTest, SignInWithoutAClientIs503) {
  const auto response = client->get("/user/google");
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(json::serialize(response.json()), R"({"detail":"Sign-in is not configured."})");
  EXPECT_TRUE(set_cookies(response).empty());
}

TEST_P(SignedOutTest, ACallbackWithoutAClientGoesBackToTheApp) {
  const auto response = client->get("/user/google/callback?code=abc&state=def");
  EXPECT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), kSpaUrl + "?signin_error=not_configured");
  EXPECT_TRUE(set_cookies(response).empty());
}

TEST_P(SignedOutTest, UserRoutesAre401) {
  expect_not_signed_in(client->get("/user"), "GET /user");
  expect_not_signed_in(client->get("/user/bookmarks"), "GET /user/bookmarks");
  expect_not_signed_in(client->get("/user/bookmarks?page=2"), "401 comes before 422");
  expect_not_signed_in(client->request("POST", "/user/bookmarks", R"({"song_id": 1})",
                                       {{"Content-Type", "application/json"}}),
                       "POST /user/bookmarks");
  expect_not_signed_in(client->request("DELETE", "/user/bookmarks/1"), "DELETE");
  expect_not_signed_in(client->request("DELETE", "/user/bookmarks/0"), "DELETE with a bad id");
}

TEST_P(SignedOutTest, AnonymousReadsSetNoCookie) {
  seed_history(3);
  for (const auto* target :
       {"/channels", "/history", "/history?offset=1", "/user", "/openapi.json"})
    EXPECT_TRUE(set_cookies(client->get(target)).empty()) << target;
}

TEST_P(SignedOutTest, SigningOutWhenSignedOutIs401) {
  expect_not_signed_in(client->get("/user/sign_out"), "GET /user/sign_out");
}

TEST_P(SignedOutTest, ASpaUrlWithAQueryKeepsIt) {
  restart({{"SPA_URL", "http://app.test/history?lang=en"}});
  const auto response = client->get("/user/google/callback");
  EXPECT_EQ(response.header("location"),
            "http://app.test/history?lang=en&signin_error=not_configured");
}

INSTANTIATE_TEST_SUITE_P(Engines, SignedOutTest, both_engines(), engine_name);

// Settings that cannot work stop the server at once, with one line naming the variable.
class SignInSettingsTest : public OnEachEngine<CommandTest> {
 protected:
  CommandResult serve(std::map<std::string, std::string> env) {
    env["API_PORT"] = "0";
    env["NICECREAM_CRAWLER"] = "false";
    return run_nicecream({"serve"}, ready_env(std::move(env)));
  }
};

TEST_P(SignInSettingsTest, ABadSessionKeyIsAConfigurationError) {
  const std::string bad_key = "not-a-fernet-key-at-all";
  const auto result = serve({{"API_SESSION_COOKIE_SECRET_KEY", bad_key}});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("configuration error: API_SESSION_COOKIE_SECRET_KEY"),
            std::string::npos)
      << result.output;
  EXPECT_EQ(result.output.find(bad_key), std::string::npos) << "the key must not be printed";
}

TEST_P(SignInSettingsTest, AClientWithoutRedirectUrlIsAConfigurationError) {
  const auto result = serve({{"API_GOOGLE_CLIENT_ID", "client"},
                             {"API_GOOGLE_CLIENT_SECRET", "secret"},
                             {"API_SESSION_COOKIE_SECRET_KEY", auth::generate_fernet_key()}});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("API_GOOGLE_REDIRECT_URL"), std::string::npos) << result.output;
}

INSTANTIATE_TEST_SUITE_P(Engines, SignInSettingsTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

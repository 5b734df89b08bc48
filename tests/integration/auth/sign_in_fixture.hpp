#pragma once

#include <gtest/gtest.h>

#include <boost/url/parse.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "auth/fernet.hpp"
#include "auth/session_codec.hpp"
#include "auth/session_cookies.hpp"
#include "integration/api/server_fixture.hpp"
#include "integration/auth/browser.hpp"
#include "support/oidc/walk_login.hpp"

namespace nicecream::testing {

inline const std::string kSpaUrl = "http://app.test/";
inline constexpr std::chrono::seconds kSessionMaxAge{3600};
// The cookies' names, as a Browser looks them up, and the header of a JSON body.
inline const std::string kSession(auth::kSessionCookieName);
inline const std::string kCsrf(auth::kCsrfCookieName);
inline const std::map<std::string, std::string> kJson{{"Content-Type", "application/json"}};

// The settings of a server whose sign-in goes to the test OpenID provider, sealing sessions under
// `session_key`. The cookies are not Secure, since the tests speak plain HTTP.
inline std::map<std::string, std::string> sign_in_environment(
    const test_support::TestProvider& provider, const std::string& session_key,
    const std::string& client_suffix = "") {
  return {{"SPA_URL", kSpaUrl},
          {"API_OIDC_ISSUER", provider.issuer},
          {"API_GOOGLE_CLIENT_ID", provider.client_id + client_suffix},
          {"API_GOOGLE_CLIENT_SECRET", provider.client_secret},
          {"API_GOOGLE_REDIRECT_URL", provider.redirect_uri},
          {"API_SESSION_COOKIE_SECRET_KEY", session_key},
          {"API_SESSION_COOKIE_SECURE", "false"},
          {"API_CSRF_COOKIE_SECURE", "false"},
          {"API_SESSION_MAX_AGE", std::to_string(kSessionMaxAge.count())}};
}

// A running server with sign-in against the test OpenID provider (tests/support/oidc, started by
// the test script). Without the provider every test fails, saying how to start it. The test
// knows the session key, so it can read the cookies it gets and forge others. SignInTest runs it
// on each engine; suites with parameters of their own pick the engine themselves.
class SignInServerTest : public ServerTest {
 protected:
  void SetUp() override {
    const auto found = test_support::test_provider_from_environment();
    ASSERT_TRUE(found) << test_support::kStartTestProviderHint;
    provider = *found;
    start(sign_in_environment(provider, session_key, client_suffix()));
  }

  // Misbehaving clients of the provider are picked by a suffix of the client id.
  virtual std::string client_suffix() const { return ""; }

  Browser browser() const { return Browser(server->port()); }

  // GET /user/google and the provider's login form as `login`: the callback target (path and
  // query) the provider sends the browser back to.
  std::string visit_provider(Browser& browser, const std::string& login = "test-user") const {
    const auto begin = browser.get("/user/google");
    EXPECT_EQ(begin.status, 302) << begin.body;
    const auto location = begin.header("location");
    EXPECT_TRUE(location.starts_with(provider.issuer + "/")) << location;
    const auto back = test_support::walk_login(location, login);
    EXPECT_TRUE(back.starts_with(provider.redirect_uri)) << back;
    const auto url = boost::urls::parse_uri(back);
    if (!url) throw std::runtime_error("the provider sent the browser to " + back);
    return std::string(url->encoded_target());
  }

  // The whole dance; returns the answer of our callback.
  HttpResponse sign_in(Browser& browser, const std::string& login = "test-user") const {
    return browser.get(visit_provider(browser, login));
  }

  // Signs in (expecting success) and returns the csrf token to echo.
  std::string sign_in_ok(Browser& browser, const std::string& login = "test-user") const {
    const auto answer = sign_in(browser, login);
    EXPECT_EQ(answer.status, 302);
    EXPECT_EQ(answer.header("location"), kSpaUrl);
    const auto token = browser.cookie(std::string(auth::kCsrfCookieName));
    EXPECT_TRUE(token.has_value()) << "no CSRF cookie after signing in as " << login;
    return token.value_or("");
  }

  auth::SessionCodec codec() const {
    return auth::SessionCodec(auth::parse_fernet_key(session_key), kSessionMaxAge);
  }
  // What a session cookie value holds (nullopt: not a session under our key).
  std::optional<auth::Session> open(const std::string& sealed) const {
    return codec().open(sealed, domain::now());
  }
  // True unless the response sets a session cookie that holds a signed-in user.
  bool sets_no_signed_in_session(const HttpResponse& response) const {
    const auto cookie = set_cookie_named(response, std::string(auth::kSessionCookieName));
    if (!cookie || cookie->deletes()) return true;
    const auto session = open(cookie->value);
    return !session || !session->signed_in();
  }

  test_support::TestProvider provider;
  const std::string session_key = auth::generate_fernet_key();
};

class SignInTest : public OnEachEngine<SignInServerTest> {};

}  // namespace nicecream::testing

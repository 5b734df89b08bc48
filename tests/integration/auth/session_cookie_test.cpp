// A session cookie that is not exactly one we sealed, recently, under our key is no session:
// the request is anonymous, never an error.
#include <optional>

#include "integration/auth/sign_in_fixture.hpp"

namespace nicecream::testing {
namespace {

class SessionCookieTest : public SignInTest {
 protected:
  // Ada signed in; her real cookies are in `ada`.
  void SetUp() override {
    SignInTest::SetUp();
    if (HasFatalFailure()) return;
    ada_.emplace(server->port());
    csrf = sign_in_ok(ada());
    genuine = ada().cookie(kSession).value_or("");
    session = open(genuine).value_or(auth::Session{});
    ASSERT_TRUE(session.signed_in());
  }

  // What the server makes of a request carrying `cookie` as the session.
  void expect_anonymous(const std::string& cookie, const std::string& what) {
    Browser other = browser();
    other.set_cookie(kSession, cookie);
    other.set_cookie(kCsrf, csrf);
    const auto user = other.get("/user");
    EXPECT_EQ(user.status, 401) << what << ": " << user.body;
    EXPECT_TRUE(set_cookies(user).empty()) << what;
    const auto add = other.request("POST", "/user/bookmarks", R"({"song_id": 1})",
                                   {{"Content-Type", "application/json"}, {"X-Csrf-Token", csrf}});
    EXPECT_EQ(add.status, 401) << what << ": " << add.body;
    const auto history = other.get("/history");
    EXPECT_EQ(history.status, 200) << what;
    EXPECT_NE(history.header("cache-control"), "no-store") << what << ": served as anonymous";
  }

  Browser& ada() { return *ada_; }
  std::optional<Browser> ada_;
  std::string csrf;
  std::string genuine;
  auth::Session session;
};

TEST_P(SessionCookieTest, TheGenuineCookieAndAForgeryUnderOurKeyBothWork) {
  // The control for the cases below: the server really reads what the cookie says.
  EXPECT_EQ(ada().get("/user").status, 200);
  Browser forger = browser();
  forger.set_cookie(kSession, codec().seal(session, domain::now()));
  EXPECT_EQ(forger.get("/user").status, 200);
}

TEST_P(SessionCookieTest, ATruncatedCookieIsAnonymous) {
  expect_anonymous(genuine.substr(0, genuine.size() - 7), "truncated");
  expect_anonymous(genuine.substr(0, genuine.size() / 2), "half");
}

TEST_P(SessionCookieTest, ATamperedCookieIsAnonymous) {
  auto tampered = genuine;
  auto& middle = tampered[tampered.size() / 2];
  middle = middle == 'A' ? 'B' : 'A';
  expect_anonymous(tampered, "one character changed");
  expect_anonymous("garbage", "not a token");
  expect_anonymous("gAAAAA", "a token's first bytes");
}

TEST_P(SessionCookieTest, ACookieUnderAnotherKeyIsAnonymous) {
  const auth::SessionCodec foreign(auth::parse_fernet_key(auth::generate_fernet_key()),
                                   kSessionMaxAge);
  expect_anonymous(foreign.seal(session, domain::now()), "another key");
}

TEST_P(SessionCookieTest, AnExpiredCookieIsAnonymous) {
  const auto long_ago = domain::now() - kSessionMaxAge - std::chrono::minutes{5};
  expect_anonymous(codec().seal(session, long_ago), "sealed before the max age");
}

TEST_P(SessionCookieTest, GetUserRefreshesBothCookies) {
  const auto user = ada().get("/user");
  ASSERT_EQ(user.status, 200);
  const auto refreshed = set_cookie_named(user, kSession);
  const auto token = set_cookie_named(user, kCsrf);
  ASSERT_TRUE(refreshed && token);
  EXPECT_EQ(token->value, csrf) << "the token stays, so other tabs keep working";
  EXPECT_EQ(open(refreshed->value), session);
}

TEST_P(SessionCookieTest, ASessionWhoseUserIsGoneEnds) {
  auth::Session nobody = session;
  nobody.user_id = *session.user_id + 1000;
  Browser ghost = browser();
  ghost.set_cookie(kSession, codec().seal(nobody, domain::now()));
  const auto user = ghost.get("/user");
  EXPECT_EQ(user.status, 401);
  const auto cleared = set_cookie_named(user, kSession);
  ASSERT_TRUE(cleared);
  EXPECT_TRUE(cleared->deletes());
}

INSTANTIATE_TEST_SUITE_P(Engines, SessionCookieTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

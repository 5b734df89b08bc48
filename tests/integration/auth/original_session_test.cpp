// Sessions carry over from the Python original: with the same API_SESSION_COOKIE_SECRET_KEY, a
// cookie in its layout ({"created", "session": {"user_id", "csrf_token"}}, sealed by Python's
// `cryptography` as aiohttp-session did) is a signed-in session here, and its CSRF token works.
// One that does not open, or is not a session, is simply signed out.
#include <chrono>
#include <optional>

#include "integration/auth/sign_in_fixture.hpp"
#include "support/python_fernet.hpp"

namespace nicecream::testing {
namespace {

constexpr const char* kOriginalCsrf = "csrf-token-the-original-wrote";

// What aiohttp-session's encrypted storage writes once someone signed in.
std::string original_payload(domain::Id user_id, std::int64_t created) {
  return R"({"created": )" + std::to_string(created) + R"(, "session": {"user_id": )" +
         std::to_string(user_id) + R"(, "csrf_token": ")" + kOriginalCsrf + R"("}})";
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class OriginalSessionTest : public SignInTest {
 protected:
  // Ada exists (she signed in here once); the browser that carries the original's cookie is
  // another one, with no cookie of ours.
  void SetUp() override {
    SignInTest::SetUp();
    if (HasFatalFailure()) return;
    const auto probe = run_fernet_python("print(1)", "", "");
    ASSERT_EQ(probe.status, 0) << kNeedPythonCryptography << probe.output;
    Browser ada = browser();
    sign_in_ok(ada);
    const auto session = open(ada.cookie(kSession).value_or(""));
    ASSERT_TRUE(session && session->user_id);
    ada_id = *session->user_id;
  }

  // `payload` sealed by Python's Fernet under `key` at unix time `at`.
  static std::string python_seal(const std::string& key, const std::string& payload,
                                 std::int64_t at) {
    const auto sealed = run_fernet_python(
        "sys.stdout.write(Fernet(os.environ[\"FERNET_KEY\"]).encrypt_at_time("
        "os.environ[\"FERNET_DATA\"].encode(), " +
            std::to_string(at) + ").decode())",
        key, payload);
    EXPECT_EQ(sealed.status, 0) << sealed.output;
    return sealed.output;
  }

  HttpResponse bookmark(Browser& browser, domain::Id song_id, const std::string& csrf) const {
    auto headers = kJson;
    headers["X-Csrf-Token"] = csrf;
    return browser.request("POST", "/user/bookmarks",
                           R"({"song_id": )" + std::to_string(song_id) + "}", headers);
  }

  void expect_signed_out(const std::string& cookie, const std::string& what) {
    Browser other = browser();
    other.set_cookie(kSession, cookie);
    const auto user = other.get("/user");
    EXPECT_EQ(user.status, 401) << what << ": " << user.body;
    EXPECT_EQ(user.header("content-type"), "application/json") << what;
    EXPECT_EQ(bookmark(other, 1, kOriginalCsrf).status, 401) << what;
    EXPECT_EQ(other.get("/history").status, 200) << what;
  }

  domain::Id ada_id = 0;
};

TEST_P(OriginalSessionTest, TheOriginalsCookieIsSignedInAndItsCsrfTokenWorks) {
  seed_history(1);
  Browser carried = browser();
  carried.set_cookie(kSession,
                     python_seal(session_key, original_payload(ada_id, unix_now()), unix_now()));

  const auto user = carried.get("/user");
  ASSERT_EQ(user.status, 200) << user.body;
  EXPECT_EQ(user.json().at("id").as_int64(), ada_id);
  const auto rewritten = set_cookie_named(user, kSession);
  ASSERT_TRUE(rewritten) << "answering /user re-seals the session, in our layout";
  const auto ours = open(rewritten->value);
  ASSERT_TRUE(ours);
  EXPECT_EQ(ours->user_id, ada_id);
  EXPECT_EQ(ours->csrf_token, kOriginalCsrf) << "the token the page holds keeps working";
  EXPECT_EQ(rewritten->attribute("max-age"), std::to_string(kSessionMaxAge.count()));
  EXPECT_EQ(rewritten->attribute("samesite"), "Lax");

  // A fresh browser with only the original's cookie: the write needs nothing of ours.
  Browser fresh = browser();
  fresh.set_cookie(kSession,
                   python_seal(session_key, original_payload(ada_id, unix_now()), unix_now()));
  const auto song_id = store().list_history(domain::HistoryQuery{}).front().song_id;
  const auto added = bookmark(fresh, song_id, kOriginalCsrf);
  EXPECT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json().at("user_id").as_int64(), ada_id);
  EXPECT_EQ(bookmark(fresh, song_id, "another-token").status, 422) << "CSRF is still checked";
}

TEST_P(OriginalSessionTest, AMalformedOriginalCookieIsSignedOut) {
  const auto now = unix_now();
  for (const auto& payload :
       {std::string(R"({"created": "yesterday", "session": {"user_id": 1}})"),
        std::string(R"({"created": 1, "session": [1, 2]})"),
        R"({"created": )" + std::to_string(now) + R"(, "session": {"user_id": "1"}})",
        R"({"created": )" + std::to_string(now) + R"(, "session": {"user_id": -4}})",
        std::string("not json at all")})
    expect_signed_out(python_seal(session_key, payload, now), payload);
  // An empty session (someone who never signed in there) and one whose user is unknown.
  expect_signed_out(python_seal(session_key, R"({"created": 1, "session": {}})", now), "empty");
  expect_signed_out(python_seal(session_key, original_payload(ada_id + 1000, now), now),
                    "unknown user");
}

TEST_P(OriginalSessionTest, AnExpiredOriginalCookieIsSignedOut) {
  const auto long_ago = unix_now() - kSessionMaxAge.count() - 300;
  expect_signed_out(python_seal(session_key, original_payload(ada_id, long_ago), long_ago),
                    "sealed before the max age");
}

TEST_P(OriginalSessionTest, AnOriginalCookieUnderAnotherKeyIsSignedOut) {
  const auto other_key =
      run_fernet_python("sys.stdout.write(Fernet.generate_key().decode())", "", "");
  ASSERT_EQ(other_key.status, 0) << other_key.output;
  expect_signed_out(python_seal(other_key.output, original_payload(ada_id, unix_now()), unix_now()),
                    "another key");
}

INSTANTIATE_TEST_SUITE_P(Engines, OriginalSessionTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

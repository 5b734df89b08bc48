#include "auth/cookies.hpp"

#include <gtest/gtest.h>

#include "auth/session_cookies.hpp"

namespace nicecream::auth {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;
using std::chrono::seconds;

TEST(CookieHeader, ReadsSeveralCookiesInOrder) {
  EXPECT_EQ(parse_cookie_header("a=1; b=2;c=3"), (Pairs{{"a", "1"}, {"b", "2"}, {"c", "3"}}));
}

TEST(CookieHeader, RemovesQuotesAndOptionalWhitespace) {
  EXPECT_EQ(parse_cookie_header("  a = \"quoted value\" ;\tb=x "),
            (Pairs{{"a", "quoted value"}, {"b", "x"}}));
}

TEST(CookieHeader, KeepsEqualsSignsInValues) {
  EXPECT_EQ(parse_cookie_header("token=gAAAA==; x=a=b"),
            (Pairs{{"token", "gAAAA=="}, {"x", "a=b"}}));
}

TEST(CookieHeader, ToleratesJunk) {
  EXPECT_EQ(parse_cookie_header(""), Pairs{});
  EXPECT_EQ(parse_cookie_header(";;; ; =nameless; novalue; good=1; ="), (Pairs{{"good", "1"}}));
  EXPECT_EQ(parse_cookie_header("empty="), (Pairs{{"empty", ""}}));
  EXPECT_EQ(parse_cookie_header("q=\""), (Pairs{{"q", "\""}}));
}

TEST(CookieHeader, FindsTheFirstCookieOfAName) {
  const std::string header =
      "other=x; nicecream_history_session=first; nicecream_history_session=second";
  EXPECT_EQ(find_cookie(header, "nicecream_history_session"), "first");
  EXPECT_EQ(find_cookie(header, "missing"), std::nullopt);
  EXPECT_EQ(find_cookie("nicecream_history_session_old=x", "nicecream_history_session"),
            std::nullopt);
}

TEST(SetCookie, WritesEveryAttribute) {
  const CookieAttributes attributes{.path = "/",
                                    .domain = "example.com",
                                    .max_age = seconds(3600),
                                    .http_only = true,
                                    .secure = true,
                                    .same_site = SameSite::lax};
  EXPECT_EQ(set_cookie("name", "value", attributes),
            "name=value; Path=/; Domain=example.com; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
}

TEST(SetCookie, LeavesOutWhatIsNotSet) {
  const CookieAttributes attributes{.path = "/",
                                    .domain = "",
                                    .max_age = std::nullopt,
                                    .http_only = false,
                                    .secure = false,
                                    .same_site = SameSite::strict};
  EXPECT_EQ(set_cookie("n", "v", attributes), "n=v; Path=/; SameSite=Strict");
}

TEST(SetCookie, RefusesCharactersThatWouldBreakTheHeader) {
  const CookieAttributes attributes;
  EXPECT_THROW(set_cookie("n", "a;b", attributes), std::invalid_argument);
  EXPECT_THROW(set_cookie("n", "a\r\nSet-Cookie: x=y", attributes), std::invalid_argument);
  EXPECT_THROW(set_cookie("n", "a b", attributes), std::invalid_argument);
  EXPECT_THROW(set_cookie("bad name", "v", attributes), std::invalid_argument);
  EXPECT_THROW(set_cookie("", "v", attributes), std::invalid_argument);
  CookieAttributes injected;
  injected.domain = "a.com; HttpOnly";
  EXPECT_THROW(set_cookie("n", "v", injected), std::invalid_argument);
  injected.domain = "a.com\nX: y";
  EXPECT_THROW(set_cookie("n", "v", injected), std::invalid_argument);
}

TEST(SetCookie, DeletingVariantExpiresTheSameCookie) {
  CookieAttributes attributes;
  attributes.domain = "example.com";
  attributes.max_age = seconds(3600);
  EXPECT_EQ(delete_cookie("name", attributes),
            "name=; Path=/; Domain=example.com; Max-Age=0; HttpOnly; Secure; SameSite=Lax; "
            "Expires=Thu, 01 Jan 1970 00:00:00 GMT");
}

Session signed_in_session(domain::Timestamp issued_at) {
  Session session;
  session.user_id = 5;
  session.csrf_token = "csrf123";
  session.issued_at = issued_at;
  return session;
}

class SessionCookiesTest : public ::testing::Test {
 protected:
  SessionCookieSettings settings{.max_age = seconds(86400),
                                 .session_secure = true,
                                 .session_domain = "api.example.com",
                                 .csrf_secure = false,
                                 .csrf_domain = "example.com"};
  SessionCookies cookies{parse_fernet_key(generate_fernet_key()), settings};
  domain::Timestamp now = domain::now();
};

TEST_F(SessionCookiesTest, WritesTheSessionAndTheReadableCsrfCookie) {
  const auto session = signed_in_session(now);
  const auto headers = cookies.write(session, now);
  ASSERT_EQ(headers.size(), 2U);
  EXPECT_TRUE(headers[0].starts_with("nicecream_history_session=gAAAAA"));
  EXPECT_NE(
      headers[0].find("; Domain=api.example.com; Max-Age=86400; HttpOnly; Secure; SameSite=Lax"),
      std::string::npos);
  EXPECT_EQ(headers[1],
            "nicecream_history_csrf=csrf123; Path=/; Domain=example.com; Max-Age=86400; "
            "SameSite=Lax");
}

TEST_F(SessionCookiesTest, ReadsWhatItWrote) {
  const auto session = signed_in_session(std::chrono::floor<seconds>(now));
  const auto set_cookie_value = cookies.write(session, now)[0];
  const auto value = set_cookie_value.substr(0, set_cookie_value.find(';'));
  EXPECT_EQ(cookies.read("theme=dark; " + value + "; nicecream_history_csrf=csrf123", now),
            session);
}

TEST_F(SessionCookiesTest, AnonymousSessionWithoutCsrfTokenSetsOnlyTheSessionCookie) {
  Session anonymous;
  anonymous.oauth_state = "s";
  EXPECT_EQ(cookies.write(anonymous, now).size(), 1U);
}

TEST_F(SessionCookiesTest, MissingOrBrokenCookieMeansNoSession) {
  EXPECT_FALSE(cookies.read("", now));
  EXPECT_FALSE(cookies.read("nicecream_history_session=", now));
  EXPECT_FALSE(cookies.read("nicecream_history_session=junk", now));
  EXPECT_FALSE(cookies.read("nicecream_history_session=\"gAAAAABk\"", now));
}

TEST_F(SessionCookiesTest, ClearDeletesBothCookiesWhereTheyWereSet) {
  const auto headers = cookies.clear();
  ASSERT_EQ(headers.size(), 2U);
  EXPECT_TRUE(headers[0].starts_with(
      "nicecream_history_session=; Path=/; Domain=api.example.com; Max-Age=0"));
  EXPECT_TRUE(
      headers[1].starts_with("nicecream_history_csrf=; Path=/; Domain=example.com; Max-Age=0"));
}

}  // namespace
}  // namespace nicecream::auth

// Sign-in at /user/google and its callback, against the real binary and the real test OpenID
// provider: the whole redirect dance with a cookie jar, and every way it must fail.
#include <boost/json.hpp>
#include <cctype>
#include <tuple>

#include "integration/auth/sign_in_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;
using auth::kCsrfCookieName;
using auth::kSessionCookieName;

std::string spa_with_error(const std::string& code) {
  return kSpaUrl + "?signin_error=" + code;
}

TEST_P(SignInTest, SignInCreatesTheUserAndASession) {
  auto ada = browser();
  const auto before = ada.get("/user");
  EXPECT_EQ(before.status, 401);
  EXPECT_TRUE(set_cookies(before).empty());

  const auto callback = sign_in(ada);
  EXPECT_EQ(callback.status, 302);
  EXPECT_EQ(callback.header("location"), kSpaUrl);
  const auto session = open(ada.cookie(kSession).value_or(""));
  ASSERT_TRUE(session && session->signed_in());
  EXPECT_FALSE(session->sign_in_pending()) << "the one-time values are forgotten";
  EXPECT_EQ(ada.cookie(kCsrf), session->csrf_token);

  const auto user = ada.get("/user");
  ASSERT_EQ(user.status, 200) << user.body;
  EXPECT_EQ(user.header("cache-control"), "no-store");
  const auto body = user.json().as_object();
  EXPECT_EQ(body.at("id").as_int64(), *session->user_id);
  EXPECT_EQ(body.at("sub").as_string(), "test-user");
  EXPECT_EQ(body.at("given_name").as_string(), "Ada");
  EXPECT_EQ(body.at("family_name").as_string(), "Lovelace");
  EXPECT_EQ(body.at("picture").as_string(), "http://127.0.0.1/pictures/ada.png");
  const auto stored = store().find_user(*session->user_id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->sub, "test-user");
}

TEST_P(SignInTest, CookiesAreHttpOnlyLaxAndLiveForTheMaxAge) {
  auto ada = browser();
  const auto begin = ada.get("/user/google");
  const auto pending = set_cookie_named(begin, kSession);
  ASSERT_TRUE(pending);
  EXPECT_FALSE(set_cookie_named(begin, kCsrf)) << "no CSRF cookie before there is a user";

  const auto callback = ada.get(visit_provider(ada));
  const auto session = set_cookie_named(callback, kSession);
  const auto csrf = set_cookie_named(callback, kCsrf);
  ASSERT_TRUE(session && csrf);
  for (const auto& cookie : {*session, *csrf}) {
    EXPECT_EQ(cookie.attribute("path"), "/") << cookie.name;
    EXPECT_EQ(cookie.attribute("samesite"), "Lax") << cookie.name;
    EXPECT_EQ(cookie.attribute("max-age"), std::to_string(kSessionMaxAge.count())) << cookie.name;
    EXPECT_FALSE(cookie.has("secure")) << cookie.name << ": API_*_COOKIE_SECURE=false";
    EXPECT_FALSE(cookie.has("domain")) << cookie.name;
  }
  EXPECT_TRUE(session->has("httponly"));
  EXPECT_FALSE(csrf->has("httponly")) << "the web app reads it to echo it";
}

TEST_P(SignInTest, SecureAndDomainFollowTheSettings) {
  auto env = sign_in_environment(provider, session_key);
  env["API_SESSION_COOKIE_SECURE"] = "true";
  env["API_SESSION_COOKIE_DOMAIN"] = "sessions.example.test";
  env["API_CSRF_COOKIE_SECURE"] = "true";
  env["API_CSRF_COOKIE_DOMAIN"] = "csrf.example.test";
  restart(env);
  auto ada = browser();
  const auto callback = sign_in(ada);
  const auto session = set_cookie_named(callback, kSession);
  const auto csrf = set_cookie_named(callback, kCsrf);
  ASSERT_TRUE(session && csrf);
  EXPECT_TRUE(session->has("secure"));
  EXPECT_EQ(session->attribute("domain"), "sessions.example.test");
  EXPECT_TRUE(csrf->has("secure"));
  EXPECT_EQ(csrf->attribute("domain"), "csrf.example.test");
}

TEST_P(SignInTest, ASecondSignInUpdatesOnlyThatUser) {
  auto ada = browser();
  sign_in_ok(ada);
  auto grace = browser();
  sign_in_ok(grace, "grace");
  const auto ada_id = *open(*ada.cookie(kSession))->user_id;
  const auto grace_id = *open(*grace.cookie(kSession))->user_id;
  ASSERT_NE(ada_id, grace_id);

  // Both profiles go stale, as if the provider had changed them since.
  store().upsert_user(
      {.sub = "test-user", .picture = "", .given_name = "Old", .family_name = "Ada"});
  store().upsert_user({.sub = "grace", .picture = "", .given_name = "Old", .family_name = "Grace"});

  auto again = browser();
  sign_in_ok(again);
  EXPECT_EQ(*open(*again.cookie(kSession))->user_id, ada_id) << "the same sub is the same user";
  const auto ada_now = store().find_user(ada_id);
  ASSERT_TRUE(ada_now);
  EXPECT_EQ(ada_now->given_name, "Ada");
  EXPECT_EQ(ada_now->family_name, "Lovelace");
  const auto grace_now = store().find_user(grace_id);
  ASSERT_TRUE(grace_now);
  EXPECT_EQ(grace_now->given_name, "Old") << "another user's row was changed";
  EXPECT_EQ(grace_now->family_name, "Grace");
  EXPECT_FALSE(store().find_user(std::max(ada_id, grace_id) + 1)) << "a third user was created";
}

TEST_P(SignInTest, SignOutEndsTheSession) {
  auto ada = browser();
  sign_in_ok(ada);
  ASSERT_EQ(ada.get("/user").status, 200);

  const auto out = ada.get("/user/sign_out");
  EXPECT_EQ(out.status, 302);
  EXPECT_EQ(out.header("location"), kSpaUrl);
  const auto session = set_cookie_named(out, kSession);
  const auto csrf = set_cookie_named(out, kCsrf);
  ASSERT_TRUE(session && csrf);
  EXPECT_TRUE(session->deletes());
  EXPECT_TRUE(csrf->deletes());
  EXPECT_TRUE(ada.cookies().empty());
  EXPECT_EQ(ada.get("/user").status, 401);

  // Signing out again (another tab) is the 401 of every /user route when signed out.
  const auto twice = ada.get("/user/sign_out");
  EXPECT_EQ(twice.status, 401);
  EXPECT_EQ(twice.header("content-type"), "application/json");
}

TEST_P(SignInTest, RedirectParametersAreIgnored) {
  auto ada = browser();
  const auto begin =
      ada.get("/user/google?next=https://evil.test/&redirect_uri=https://evil.test/cb");
  ASSERT_EQ(begin.status, 302);
  const auto location = begin.header("location");
  EXPECT_TRUE(location.starts_with(provider.issuer + "/auth?")) << location;
  EXPECT_EQ(location.find("evil"), std::string::npos) << location;
  const auto back = test_support::walk_login(location, "test-user");
  const auto target = std::string(boost::urls::parse_uri(back)->encoded_target());
  const auto callback = ada.get(target + "&next=https://evil.test/");
  EXPECT_EQ(callback.status, 302);
  EXPECT_EQ(callback.header("location"), kSpaUrl);
}

TEST_P(SignInTest, AuthorizationRequestUsesPkceAndTheContractsParameters) {
  auto ada = browser();
  const auto location = ada.get("/user/google").header("location");
  const auto query = test_support::query_parameters(location);
  EXPECT_EQ(query.at("response_type"), "code");
  EXPECT_EQ(query.at("client_id"), provider.client_id);
  EXPECT_EQ(query.at("redirect_uri"), provider.redirect_uri);
  EXPECT_EQ(query.at("prompt"), "select_account");
  EXPECT_EQ(query.at("code_challenge_method"), "S256");
  EXPECT_NE(query.at("scope").find("openid"), std::string::npos);
  const auto session = open(*ada.cookie(kSession));
  ASSERT_TRUE(session);
  EXPECT_EQ(query.at("state"), session->oauth_state);
  EXPECT_EQ(query.at("nonce"), session->nonce);
  EXPECT_FALSE(session->code_verifier.empty());
  EXPECT_FALSE(session->signed_in());
}

TEST_P(SignInTest, AReplayedCallbackNeverSignsIn) {
  auto ada = browser();
  const auto target = visit_provider(ada);
  const auto pending_cookie = *ada.cookie(kSession);

  // Another browser with the callback URL but not the session: the state is not theirs.
  auto stranger = browser();
  const auto forged = stranger.get(target);
  EXPECT_EQ(forged.status, 302);
  EXPECT_EQ(forged.header("location"), spa_with_error("state_mismatch"));
  EXPECT_TRUE(set_cookies(forged).empty());
  EXPECT_EQ(stranger.get("/user").status, 401);

  ASSERT_EQ(ada.get(target).header("location"), kSpaUrl);
  const auto ada_session = *ada.cookie(kSession);

  // The same callback with the session as it was before: the code is spent.
  auto thief = browser();
  thief.set_cookie(kSession, pending_cookie);
  const auto replay = thief.get(target);
  EXPECT_EQ(replay.status, 302);
  EXPECT_EQ(replay.header("location"), spa_with_error("token_exchange_failed"));
  EXPECT_TRUE(sets_no_signed_in_session(replay));
  EXPECT_EQ(thief.get("/user").status, 401);

  // Ada's own replay: the state was used up; she stays who she was.
  const auto again = ada.get(target);
  EXPECT_EQ(again.header("location"), spa_with_error("state_mismatch"));
  EXPECT_EQ(open(*ada.cookie(kSession))->user_id, open(ada_session)->user_id);
  EXPECT_EQ(ada.get("/user").status, 200);
  EXPECT_TRUE(server->log_contains("sign-in failed: state_mismatch"));
}

TEST_P(SignInTest, ACancelledSignInLeavesNoSession) {
  auto ada = browser();
  const auto location = ada.get("/user/google").header("location");
  const auto state = test_support::query_parameters(location).at("state");
  const auto callback = ada.get("/user/google/callback?error=access_denied&state=" + state);
  EXPECT_EQ(callback.status, 302);
  EXPECT_EQ(callback.header("location"), spa_with_error("provider_denied"));
  const auto session = set_cookie_named(callback, kSession);
  ASSERT_TRUE(session);
  EXPECT_TRUE(session->deletes()) << "the pending sign-in's cookie is dropped";
  EXPECT_EQ(ada.get("/user").status, 401);
}

TEST_P(SignInTest, ACallbackWithoutASignInIsAStateMismatch) {
  auto stranger = browser();
  const auto callback = stranger.get("/user/google/callback?code=abc&state=def");
  EXPECT_EQ(callback.status, 302);
  EXPECT_EQ(callback.header("location"), spa_with_error("state_mismatch"));
  EXPECT_TRUE(set_cookies(callback).empty());
}

TEST_P(SignInTest, AnUnreachableProviderIsReportedNotAnError) {
  // A port nothing listens on: bind one, then let it go.
  std::uint16_t closed_port = 0;
  {
    boost::asio::io_context context;
    boost::asio::ip::tcp::acceptor acceptor(context,
                                            {boost::asio::ip::make_address("127.0.0.1"), 0});
    closed_port = acceptor.local_endpoint().port();
  }
  auto env = sign_in_environment(provider, session_key);
  env["API_OIDC_ISSUER"] = "http://127.0.0.1:" + std::to_string(closed_port);
  restart(env);
  auto ada = browser();
  const auto begin = ada.get("/user/google");
  EXPECT_EQ(begin.status, 302);
  EXPECT_EQ(begin.header("location"), spa_with_error("provider_unreachable"));
  EXPECT_TRUE(set_cookies(begin).empty());
  EXPECT_TRUE(server->log_contains("sign-in failed: provider_unreachable")) << server->log();
}

INSTANTIATE_TEST_SUITE_P(Engines, SignInTest, both_engines(), engine_name);

// The provider's misbehaving clients: each ID token is wrong in exactly one way.
struct Misbehaviour {
  std::string client_suffix;
  std::string code;
};

class MisbehavingProviderTest
    : public SignInServerTest,
      public ::testing::WithParamInterface<std::tuple<Misbehaviour, Engine>> {
 protected:
  MisbehavingProviderTest() { use_engine(std::get<Engine>(GetParam())); }
  static const Misbehaviour& misbehaviour() { return std::get<Misbehaviour>(GetParam()); }
  std::string client_suffix() const override { return misbehaviour().client_suffix; }
};

TEST_P(MisbehavingProviderTest, NeverYieldsASession) {
  auto ada = browser();
  const auto callback = sign_in(ada);
  EXPECT_EQ(callback.status, 302);
  EXPECT_EQ(callback.header("location"), spa_with_error(misbehaviour().code));
  EXPECT_TRUE(sets_no_signed_in_session(callback));
  EXPECT_EQ(ada.get("/user").status, 401);
  EXPECT_FALSE(ada.cookie(kCsrf));
  EXPECT_FALSE(store().find_user(1)) << "no user may be created from a bad ID token";
  EXPECT_TRUE(server->log_contains("sign-in failed: " + misbehaviour().code)) << server->log();
}

INSTANTIATE_TEST_SUITE_P(
    Clients, MisbehavingProviderTest,
    ::testing::Combine(::testing::Values(Misbehaviour{".wrong-audience", "wrong_audience"},
                                         Misbehaviour{".wrong-issuer", "wrong_issuer"},
                                         Misbehaviour{".expired", "expired"},
                                         Misbehaviour{".issued-in-future", "issued_in_future"},
                                         Misbehaviour{".nonce-mismatch", "nonce_mismatch"},
                                         Misbehaviour{".unknown-key", "unknown_key"},
                                         Misbehaviour{".bad-signature", "bad_signature"},
                                         Misbehaviour{".alg-none", "unsupported_algorithm"},
                                         Misbehaviour{".hs256", "unsupported_algorithm"}),
                       both_engines()),
    [](const auto& info) {
      const auto& misbehaviour = std::get<Misbehaviour>(info.param);
      auto name = misbehaviour.code + misbehaviour.client_suffix;
      for (auto& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name + "_" + engine_label(std::get<Engine>(info.param));
    });

}  // namespace
}  // namespace nicecream::testing

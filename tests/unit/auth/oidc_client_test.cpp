// The OIDC client against a real OpenID provider (tests/support/oidc: panva's oidc-provider on
// loopback). These tests fail, never skip, when the provider is not running.
#include "auth/oidc_client.hpp"

#include <gtest/gtest.h>

#include "auth/pkce.hpp"
#include "auth/sign_in.hpp"
#include "support/oidc/walk_login.hpp"

namespace nicecream::auth {
namespace {

using test_support::query_parameters;
using test_support::walk_login;

class OidcProviderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto found = test_support::test_provider_from_environment();
    ASSERT_TRUE(found) << test_support::kStartTestProviderHint;
    provider = *found;
  }

  OidcSettings settings(std::string_view client_suffix = "") const {
    OidcSettings settings;
    settings.issuer = provider.issuer;
    settings.client_id = provider.client_id + std::string(client_suffix);
    settings.client_secret = provider.client_secret;
    settings.redirect_uri = provider.redirect_uri;
    return settings;
  }

  // begin_sign_in, the browser's visit to the provider, and the callback's parameters.
  struct Callback {
    std::map<std::string, std::string> query;
    CallbackParams params() const {
      return CallbackParams{.state = value("state"),
                            .code = value("code"),
                            .error = value("error"),
                            .iss = value("iss")};
    }
    std::string_view value(const std::string& name) const {
      const auto it = query.find(name);
      return it == query.end() ? std::string_view{} : std::string_view(it->second);
    }
  };

  Callback sign_in_at_provider(OidcClient& client, Session& session,
                               const std::string& login = "test-user") const {
    const auto url = begin_sign_in(client, session);
    EXPECT_TRUE(url.ok()) << to_string(url.error());
    const auto redirect = walk_login(url.value(), login);
    EXPECT_TRUE(redirect.starts_with(provider.redirect_uri)) << redirect;
    return Callback{query_parameters(redirect)};
  }

  SignInResult<domain::UserClaims> full_sign_in(std::string_view client_suffix,
                                                const std::string& login = "test-user") const {
    OidcClient client(settings(client_suffix));
    Session session;
    const auto callback = sign_in_at_provider(client, session, login);
    return finish_sign_in(client, session, callback.params(), domain::now());
  }

  test_support::TestProvider provider;
};

TEST_F(OidcProviderTest, DiscoversTheEndpoints) {
  OidcClient client(settings());
  const auto metadata = client.metadata();
  ASSERT_TRUE(metadata.ok()) << to_string(metadata.error());
  EXPECT_EQ(metadata->issuer, provider.issuer);
  EXPECT_TRUE(metadata->token_endpoint.starts_with(provider.issuer));
  EXPECT_TRUE(metadata->jwks_uri.starts_with(provider.issuer));
}

TEST_F(OidcProviderTest, RefusesAProviderThatNamesAnotherIssuer) {
  auto mismatched = settings();
  mismatched.issuer += "/";  // same discovery URL, but the document says otherwise
  OidcClient client(mismatched);
  EXPECT_EQ(client.metadata().error(), SignInError::issuer_mismatch);
  Session session;
  EXPECT_EQ(begin_sign_in(client, session).error(), SignInError::issuer_mismatch);
  EXPECT_TRUE(session.oauth_state.empty()) << "a failed start must leave the session alone";
}

TEST_F(OidcProviderTest, ReportsAnUnreachableProvider) {
  auto unreachable = settings();
  unreachable.issuer = "http://127.0.0.1:1";  // nothing listens on port 1
  unreachable.timeout = std::chrono::seconds(2);
  OidcClient client(unreachable);
  EXPECT_EQ(client.metadata().error(), SignInError::provider_unreachable);
}

TEST_F(OidcProviderTest, ReportsADiscoveryDocumentThatIsNotThere) {
  auto wrong_path = settings();
  wrong_path.issuer += "/no-such-tenant";
  OidcClient client(wrong_path);
  EXPECT_EQ(client.metadata().error(), SignInError::discovery_failed);
}

TEST_F(OidcProviderTest, AuthorizationUrlCarriesTheSignInParameters) {
  OidcClient client(settings());
  Session session;
  const auto url = begin_sign_in(client, session);
  ASSERT_TRUE(url.ok()) << to_string(url.error());
  const auto query = query_parameters(url.value());
  EXPECT_EQ(query.at("client_id"), provider.client_id);
  EXPECT_EQ(query.at("redirect_uri"), provider.redirect_uri);
  EXPECT_EQ(query.at("state"), session.oauth_state);
  EXPECT_EQ(query.at("nonce"), session.nonce);
  EXPECT_EQ(query.at("code_challenge"), code_challenge_s256(session.code_verifier));
  EXPECT_EQ(query.at("code_challenge_method"), "S256");
  EXPECT_EQ(query.at("scope"), "openid email profile");
  EXPECT_EQ(query.at("prompt"), "select_account");
}

TEST_F(OidcProviderTest, SignsInWithAnRs256IdToken) {
  OidcClient client(settings());
  Session session;
  session.user_id = 9;
  const auto callback = sign_in_at_provider(client, session);
  EXPECT_EQ(callback.value("state"), session.oauth_state);
  const auto user = finish_sign_in(client, session, callback.params(), domain::now());
  ASSERT_TRUE(user.ok()) << to_string(user.error());
  EXPECT_EQ(user->sub, "test-user");
  EXPECT_EQ(user->given_name, "Ada");
  EXPECT_EQ(user->family_name, "Lovelace");
  EXPECT_EQ(user->picture, "http://127.0.0.1/pictures/ada.png");
  EXPECT_TRUE(session.oauth_state.empty());
  EXPECT_TRUE(session.nonce.empty());
  EXPECT_TRUE(session.code_verifier.empty());
  EXPECT_EQ(session.user_id, 9) << "the old user stays until complete_sign_in";
  complete_sign_in(session, 10, domain::now());
  EXPECT_EQ(session.user_id, 10);
  EXPECT_EQ(session.csrf_token.size(), 43U);
}

TEST_F(OidcProviderTest, SignsInWithAnEs256IdToken) {
  const auto user = full_sign_in(".es256");
  ASSERT_TRUE(user.ok()) << to_string(user.error());
  EXPECT_EQ(user->sub, "test-user");
}

TEST_F(OidcProviderTest, SignsInWithClientSecretPost) {
  auto post = settings(".post");
  post.client_auth = ClientAuthMethod::client_secret_post;
  OidcClient client(post);
  Session session;
  const auto callback = sign_in_at_provider(client, session);
  const auto user = finish_sign_in(client, session, callback.params(), domain::now());
  ASSERT_TRUE(user.ok()) << to_string(user.error());
}

TEST_F(OidcProviderTest, EachPersonGetsTheirOwnSubject) {
  const auto user = full_sign_in("", "someone-else");
  ASSERT_TRUE(user.ok()) << to_string(user.error());
  EXPECT_EQ(user->sub, "someone-else");
}

TEST_F(OidcProviderTest, FallsBackToTheNameWithoutGivenAndFamilyNames) {
  const auto user = full_sign_in("", "nameless");
  ASSERT_TRUE(user.ok()) << to_string(user.error());
  EXPECT_EQ(user->given_name, "Grace");
  EXPECT_EQ(user->family_name, "Brewster Hopper");
  EXPECT_EQ(user->picture, "");
}

TEST_F(OidcProviderTest, FallsBackToTheEmailWithoutAnyName) {
  const auto user = full_sign_in("", "email-only");
  ASSERT_TRUE(user.ok()) << to_string(user.error());
  EXPECT_EQ(user->given_name, "emailonly");
}

TEST_F(OidcProviderTest, ACallbackCannotBeReplayed) {
  OidcClient client(settings());
  Session session;
  const auto callback = sign_in_at_provider(client, session);
  Session copy_before_callback = session;
  ASSERT_TRUE(finish_sign_in(client, session, callback.params(), domain::now()).ok());
  // The same session (as the browser now holds it) no longer knows the state.
  EXPECT_EQ(finish_sign_in(client, session, callback.params(), domain::now()).error(),
            SignInError::state_mismatch);
  // An old copy of the cookie still knows it, but the provider will not redeem a code twice.
  EXPECT_EQ(finish_sign_in(client, copy_before_callback, callback.params(), domain::now()).error(),
            SignInError::token_exchange_failed);
}

TEST_F(OidcProviderTest, RefusesACallbackForAnotherSignIn) {
  OidcClient client(settings());
  Session mine;
  Session theirs;
  sign_in_at_provider(client, mine);
  const auto their_callback = sign_in_at_provider(client, theirs);
  EXPECT_EQ(finish_sign_in(client, mine, their_callback.params(), domain::now()).error(),
            SignInError::state_mismatch);
  EXPECT_TRUE(mine.oauth_state.empty()) << "a failed callback still ends the pending sign-in";
}

TEST_F(OidcProviderTest, RefusesACodeWithTheWrongVerifier) {
  OidcClient client(settings());
  Session session;
  const auto callback = sign_in_at_provider(client, session);
  session.code_verifier = new_code_verifier();
  EXPECT_EQ(finish_sign_in(client, session, callback.params(), domain::now()).error(),
            SignInError::token_exchange_failed);
}

TEST_F(OidcProviderTest, RefusesAWrongClientSecret) {
  auto wrong = settings();
  wrong.client_secret = "not-the-secret";
  OidcClient client(wrong);
  Session session;
  const auto callback = sign_in_at_provider(client, session);
  EXPECT_EQ(finish_sign_in(client, session, callback.params(), domain::now()).error(),
            SignInError::token_exchange_failed);
}

TEST_F(OidcProviderTest, ReportsTheProvidersRefusal) {
  OidcClient client(settings());
  Session session;
  ASSERT_TRUE(begin_sign_in(client, session).ok());
  const std::string state = session.oauth_state;
  CallbackParams refused{.state = state, .code = "", .error = "access_denied", .iss = ""};
  EXPECT_EQ(finish_sign_in(client, session, refused, domain::now()).error(),
            SignInError::provider_denied);
}

TEST_F(OidcProviderTest, RefusesACallbackFromAnotherIssuer) {
  OidcClient client(settings());
  Session session;
  auto callback = sign_in_at_provider(client, session);
  callback.query["iss"] = "https://attacker.example";
  EXPECT_EQ(finish_sign_in(client, session, callback.params(), domain::now()).error(),
            SignInError::wrong_issuer);
}

// The provider's misbehaving clients: each one's ID token is wrong in exactly one way.
struct Misbehaviour {
  const char* client_suffix;
  SignInError expected;
};

class MisbehavingProviderTest : public OidcProviderTest,
                                public ::testing::WithParamInterface<Misbehaviour> {};

TEST_P(MisbehavingProviderTest, RefusesTheIdToken) {
  const auto user = full_sign_in(GetParam().client_suffix);
  ASSERT_FALSE(user.ok()) << "accepted the ID token of " << GetParam().client_suffix;
  EXPECT_EQ(to_string(user.error()), to_string(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Clients, MisbehavingProviderTest,
    ::testing::Values(Misbehaviour{".wrong-audience", SignInError::wrong_audience},
                      Misbehaviour{".wrong-issuer", SignInError::wrong_issuer},
                      Misbehaviour{".expired", SignInError::expired},
                      Misbehaviour{".issued-in-future", SignInError::issued_in_future},
                      Misbehaviour{".nonce-mismatch", SignInError::nonce_mismatch},
                      Misbehaviour{".unknown-key", SignInError::unknown_key},
                      Misbehaviour{".bad-signature", SignInError::bad_signature},
                      Misbehaviour{".alg-none", SignInError::unsupported_algorithm},
                      Misbehaviour{".hs256", SignInError::unsupported_algorithm}),
    [](const auto& info) {
      std::string name = info.param.client_suffix + 1;
      for (auto& c : name) {
        c = c == '-' ? '_' : c;
      }
      return name;
    });

}  // namespace
}  // namespace nicecream::auth

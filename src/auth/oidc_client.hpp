#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "auth/http_client.hpp"
#include "auth/jwks_cache.hpp"
#include "auth/provider_metadata.hpp"
#include "auth/sign_in_error.hpp"
#include "auth/token_exchange.hpp"
#include "domain/models.hpp"

namespace nicecream::auth {

struct OidcSettings {
  std::string issuer;  // e.g. https://accounts.google.com, compared exactly
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;
  std::string user_agent;                       // from config::AuthConfig
  std::optional<ClientAuthMethod> client_auth;  // none: chosen from discovery
  std::chrono::seconds timeout{10};             // per request to the provider
  std::chrono::seconds metadata_max_age{24 * 3600};
  std::chrono::seconds jwks_max_age{3600};
  std::chrono::seconds jwks_min_refetch_interval{10};
  std::chrono::seconds leeway{60};  // clock skew allowed on exp, iat and nbf
};

// A relying party of one OpenID provider. Every call may block on the network (discovery and
// keys are cached), so the HTTP layer runs them on its blocking pool. Thread-safe. Failures are
// logged with their reason code and the provider's host, never with a code, token or secret.
class OidcClient {
 public:
  explicit OidcClient(OidcSettings settings);

  // The provider URL to send the browser to.
  SignInResult<std::string> authorization_url(std::string_view state, std::string_view nonce,
                                              std::string_view code_challenge);

  // Trades an authorization code for the verified identity in its ID token.
  SignInResult<domain::UserClaims> exchange_code(std::string_view code,
                                                 std::string_view code_verifier,
                                                 std::string_view nonce, domain::Timestamp now);

  // The steps of exchange_code, on their own for tests.
  SignInResult<ProviderMetadata> metadata();
  SignInResult<std::string> redeem_code(std::string_view code, std::string_view code_verifier);
  SignInResult<boost::json::object> verify(std::string_view id_token, std::string_view nonce,
                                           domain::Timestamp now);

  const OidcSettings& settings() const { return settings_; }

 private:
  SignInResult<ProviderMetadata> fetch_metadata();
  std::optional<JwkSet> fetch_jwks();

  OidcSettings settings_;
  HttpClient http_;
  std::mutex metadata_mutex_;
  std::optional<ProviderMetadata> metadata_;
  domain::Timestamp metadata_fetched_at_{};
  JwksCache jwks_;
};

}  // namespace nicecream::auth

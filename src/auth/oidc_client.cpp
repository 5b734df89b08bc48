#include "auth/oidc_client.hpp"

#include <spdlog/spdlog.h>

#include "auth/authorization_url.hpp"
#include "auth/id_token.hpp"
#include "auth/user_claims.hpp"

namespace nicecream::auth {
namespace {

SignInError log_failure(SignInError error, std::string_view detail) {
  spdlog::warn("sign-in: {} ({})", to_string(error), detail);
  return error;
}

}  // namespace

OidcClient::OidcClient(OidcSettings settings)
    : settings_(std::move(settings)),
      http_(HttpClientOptions{.timeout = settings_.timeout, .user_agent = settings_.user_agent}),
      jwks_([this] { return fetch_jwks(); }, settings_.jwks_max_age,
            settings_.jwks_min_refetch_interval) {}

SignInResult<ProviderMetadata> OidcClient::fetch_metadata() {
  const auto url = discovery_url(settings_.issuer);
  HttpResponse response;
  try {
    response = http_.get(url);
  } catch (const HttpError& error) {
    return log_failure(SignInError::provider_unreachable, error.what());
  }
  if (response.status != 200) {
    return log_failure(SignInError::discovery_failed,
                       "discovery answered HTTP " + std::to_string(response.status));
  }
  auto metadata = parse_provider_metadata(response.body, settings_.issuer);
  if (!metadata) {
    return log_failure(metadata.error(), "discovery document of " + settings_.issuer);
  }
  return metadata;
}

SignInResult<ProviderMetadata> OidcClient::metadata() {
  const std::lock_guard lock(metadata_mutex_);
  const auto now = domain::now();
  if (metadata_ && now - metadata_fetched_at_ < settings_.metadata_max_age &&
      now >= metadata_fetched_at_) {
    return *metadata_;
  }
  auto fresh = fetch_metadata();
  if (fresh) {
    metadata_ = fresh.value();
    metadata_fetched_at_ = now;
  } else if (metadata_) {
    return *metadata_;  // the provider is briefly away: what it said a day ago still holds
  }
  return fresh;
}

std::optional<JwkSet> OidcClient::fetch_jwks() {
  const auto provider = metadata();
  if (!provider) {
    return std::nullopt;
  }
  try {
    const auto response = http_.get(provider->jwks_uri);
    if (response.status != 200) {
      log_failure(SignInError::jwks_unavailable,
                  "JWKS answered HTTP " + std::to_string(response.status));
      return std::nullopt;
    }
    auto keys = parse_jwks(response.body);
    if (!keys) {
      log_failure(SignInError::jwks_unavailable, "the JWKS is not a key set");
    }
    return keys;
  } catch (const HttpError& error) {
    log_failure(SignInError::jwks_unavailable, error.what());
    return std::nullopt;
  }
}

SignInResult<std::string> OidcClient::authorization_url(std::string_view state,
                                                        std::string_view nonce,
                                                        std::string_view code_challenge) {
  const auto provider = metadata();
  if (!provider) {
    return provider.error();
  }
  return auth::authorization_url(provider->authorization_endpoint,
                                 AuthorizationRequest{.client_id = settings_.client_id,
                                                      .redirect_uri = settings_.redirect_uri,
                                                      .state = state,
                                                      .nonce = nonce,
                                                      .code_challenge = code_challenge});
}

SignInResult<std::string> OidcClient::redeem_code(std::string_view code,
                                                  std::string_view code_verifier) {
  const auto provider = metadata();
  if (!provider) {
    return provider.error();
  }
  const auto method =
      choose_client_auth(provider->token_endpoint_auth_methods, settings_.client_auth);
  const auto request = token_request(CodeExchange{.code = code,
                                                  .code_verifier = code_verifier,
                                                  .redirect_uri = settings_.redirect_uri,
                                                  .client_id = settings_.client_id,
                                                  .client_secret = settings_.client_secret},
                                     method);
  HttpResponse response;
  try {
    response = http_.post_form(provider->token_endpoint, request.body, request.authorization);
  } catch (const HttpError& error) {
    return log_failure(SignInError::provider_unreachable, error.what());
  }
  std::string provider_error;
  auto id_token = id_token_from_token_response(response.status, response.body, &provider_error);
  if (!id_token) {
    return log_failure(id_token.error(), "token endpoint answered HTTP " +
                                             std::to_string(response.status) +
                                             (provider_error.empty() ? "" : " " + provider_error));
  }
  return id_token;
}

SignInResult<boost::json::object> OidcClient::verify(std::string_view id_token,
                                                     std::string_view nonce,
                                                     domain::Timestamp now) {
  const IdTokenExpectations expected{.issuer = settings_.issuer,
                                     .client_id = settings_.client_id,
                                     .nonce = nonce,
                                     .now = now,
                                     .leeway = settings_.leeway};
  const auto keys = jwks_.keys(now);
  if (!keys) {
    return SignInError::jwks_unavailable;
  }
  auto claims = verify_id_token(id_token, *keys, expected);
  if (!claims && claims.error() == SignInError::unknown_key) {
    if (const auto fresh = jwks_.refetch(now)) {  // the provider may have rotated its keys
      claims = verify_id_token(id_token, *fresh, expected);
    }
  }
  if (!claims) {
    return log_failure(claims.error(), "ID token from " + settings_.issuer);
  }
  return claims;
}

SignInResult<domain::UserClaims> OidcClient::exchange_code(std::string_view code,
                                                           std::string_view code_verifier,
                                                           std::string_view nonce,
                                                           domain::Timestamp now) {
  const auto id_token = redeem_code(code, code_verifier);
  if (!id_token) {
    return id_token.error();
  }
  const auto claims = verify(*id_token, nonce, now);
  if (!claims) {
    return claims.error();
  }
  return user_claims_from(*claims);
}

}  // namespace nicecream::auth

#include "api/user/sign_in_routes.hpp"

#include <spdlog/spdlog.h>

#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"
#include "auth/sign_in.hpp"

namespace nicecream::api {

namespace {

// Codes of ours beside auth::SignInError's, for failures that are not the provider's.
constexpr std::string_view kNotConfigured = "not_configured";
constexpr std::string_view kUnavailable = "unavailable";

http::Response sign_in_not_configured() {
  return no_store(error_response(Status::service_unavailable, "Sign-in is not configured."));
}

// Every failed sign-in ends the same way: logged with its reason, the browser back at the web
// app with the code. Nothing the provider or the request said goes into the log or the URL.
http::Response sign_in_failed(const Services& services, std::string_view code) {
  spdlog::warn("sign-in failed: {}", code);
  return spa_redirect(services, code);
}

// Results of the blocking steps; BlockingPool needs them default-constructible, and a step that
// throws leaves the default: unavailable.
struct BeginOutcome {
  std::string url;  // empty when there is none
  std::string_view error = kUnavailable;
};

BeginOutcome start(auth::OidcClient& client, auth::Session& session) {
  auto url = auth::begin_sign_in(client, session);
  if (!url) return {.url = {}, .error = auth::to_string(url.error())};
  return {.url = std::move(url).value(), .error = {}};
}

// GET /user/google: a fresh state, nonce and PKCE verifier into the session, then on to the
// provider. Any query parameter (a `next`, a `redirect`) is ignored: the way back is SPA_URL.
boost::asio::awaitable<http::Response> begin(Services& services, http::Request& request) {
  if (!services.oidc) co_return sign_in_not_configured();
  auto session = read_session(services, request).value_or(auth::Session{});
  if (session.issued_at == domain::Timestamp{}) session.issued_at = domain::now();
  auto& client = *services.oidc;
  BeginOutcome outcome;
  try {
    outcome = co_await services.blocking.run([&] { return start(client, session); });
  } catch (const std::exception& failure) {
    spdlog::error("sign-in could not start: {}", failure.what());
  }
  if (outcome.url.empty()) co_return sign_in_failed(services, outcome.error);
  auto response = redirect_response(outcome.url);
  store_session(services, session, response);
  co_return response;
}

auth::CallbackParams callback_params(const http::Request& request) {
  const auto& query = request.query;
  return {.state = query.get("state").value_or(""),
          .code = query.get("code").value_or(""),
          .error = query.get("error").value_or(""),
          .iss = query.get("iss").value_or("")};
}

// After a callback the session has forgotten its one-time values, whatever the outcome: someone
// already signed in stays so; anyone else keeps no session at all.
void settle_session(const Services& services, const auth::Session& session, bool had_session,
                    http::Response& response) {
  if (session.signed_in()) {
    store_session(services, session, response);
  } else if (had_session) {
    end_session(services, response);
  }
}

struct CallbackOutcome {
  std::optional<domain::User> user;
  std::string_view error = kUnavailable;  // when there is no user
};

// The blocking part of the callback: state check, code exchange, ID token, then the user by sub.
CallbackOutcome finish(Services& services, auth::Session& session,
                       const auth::CallbackParams& callback) {
  auto claims = auth::finish_sign_in(*services.oidc, session, callback, domain::now());
  if (!claims) return {.user = std::nullopt, .error = auth::to_string(claims.error())};
  return {.user = services.store.upsert_user(*claims), .error = {}};
}

// GET /user/google/callback: always a 302 to the web app, signed in or with ?signin_error.
boost::asio::awaitable<http::Response> callback(Services& services, http::Request& request) {
  if (!services.oidc) co_return sign_in_failed(services, kNotConfigured);
  const auto existing = read_session(services, request);
  auto session = existing.value_or(auth::Session{});
  const auto params = callback_params(request);
  CallbackOutcome outcome;
  try {
    outcome = co_await services.blocking.run([&] { return finish(services, session, params); });
  } catch (const std::exception& failure) {
    spdlog::error("sign-in could not finish: {}", failure.what());
  }
  if (!outcome.user) {
    auto response = sign_in_failed(services, outcome.error);
    settle_session(services, session, existing.has_value(), response);
    co_return response;
  }
  auth::complete_sign_in(session, outcome.user->id, domain::now());
  spdlog::info("user {} signed in", outcome.user->id);
  auto response = spa_redirect(services);
  store_session(services, session, response);
  co_return response;
}

}  // namespace

void add_sign_in_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/user/google",
             [&services](http::Request& request) { return begin(services, request); },
             {.write_limited = true});
  routes.add(verb::get, "/user/google/callback",
             [&services](http::Request& request) { return callback(services, request); });
}

}  // namespace nicecream::api

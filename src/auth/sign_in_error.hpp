#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <variant>

namespace nicecream::auth {

// Why a sign-in failed. Each has a stable snake_case code, logged and sent to the web app as
// `?signin_error=<code>`; none says more than the code (no tokens, no provider text).
enum class SignInError {
  // the ID token
  malformed,              // not a JWS, or claims of the wrong type
  unsupported_algorithm,  // alg none, HS*, or anything but RS256/ES256
  unknown_key,            // no key in the provider's JWKS matches the token's kid
  bad_signature,
  wrong_issuer,
  wrong_audience,
  wrong_authorized_party,  // azp missing with several audiences, or not our client
  expired,
  issued_in_future,
  not_yet_valid,  // nbf ahead of now
  nonce_mismatch,
  missing_subject,
  // the callback
  state_mismatch,   // no sign-in pending, or another one's state (replay, forgery)
  provider_denied,  // the provider sent error=… (the person cancelled)
  missing_code,
  // talking to the provider
  provider_unreachable,   // connection refused, DNS, timeout
  discovery_failed,       // no usable /.well-known/openid-configuration
  issuer_mismatch,        // discovery names another issuer than the one configured
  token_exchange_failed,  // the token endpoint refused the code or answered nonsense
  jwks_unavailable,
};

std::string_view to_string(SignInError error);

// A value or the reason there is none (std::expected arrives with C++23).
template <class T>
class SignInResult {
 public:
  SignInResult(T value) : outcome_(std::move(value)) {}  // NOLINT: implicit on purpose
  SignInResult(SignInError error) : outcome_(error) {}   // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(outcome_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(outcome_); }
  T& value() & { return std::get<T>(outcome_); }
  T&& value() && { return std::get<T>(std::move(outcome_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  SignInError error() const { return std::get<SignInError>(outcome_); }

 private:
  std::variant<T, SignInError> outcome_;
};

}  // namespace nicecream::auth

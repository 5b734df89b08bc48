#include "auth/sign_in_error.hpp"

namespace nicecream::auth {

std::string_view to_string(SignInError error) {
  switch (error) {
    case SignInError::malformed:
      return "malformed";
    case SignInError::unsupported_algorithm:
      return "unsupported_algorithm";
    case SignInError::unknown_key:
      return "unknown_key";
    case SignInError::bad_signature:
      return "bad_signature";
    case SignInError::wrong_issuer:
      return "wrong_issuer";
    case SignInError::wrong_audience:
      return "wrong_audience";
    case SignInError::wrong_authorized_party:
      return "wrong_authorized_party";
    case SignInError::expired:
      return "expired";
    case SignInError::issued_in_future:
      return "issued_in_future";
    case SignInError::not_yet_valid:
      return "not_yet_valid";
    case SignInError::nonce_mismatch:
      return "nonce_mismatch";
    case SignInError::missing_subject:
      return "missing_subject";
    case SignInError::state_mismatch:
      return "state_mismatch";
    case SignInError::provider_denied:
      return "provider_denied";
    case SignInError::missing_code:
      return "missing_code";
    case SignInError::provider_unreachable:
      return "provider_unreachable";
    case SignInError::discovery_failed:
      return "discovery_failed";
    case SignInError::issuer_mismatch:
      return "issuer_mismatch";
    case SignInError::token_exchange_failed:
      return "token_exchange_failed";
    case SignInError::jwks_unavailable:
      return "jwks_unavailable";
  }
  return "unknown";
}

}  // namespace nicecream::auth

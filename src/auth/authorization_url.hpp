#pragma once

#include <string>
#include <string_view>

namespace nicecream::auth {

// What goes into the redirect to the provider's authorization endpoint.
struct AuthorizationRequest {
  std::string_view client_id;
  std::string_view redirect_uri;
  std::string_view state;
  std::string_view nonce;
  std::string_view code_challenge;  // S256
};

inline constexpr std::string_view kSignInScope = "openid email profile";

// The endpoint with response_type=code, scope, client_id, redirect_uri, state, nonce,
// code_challenge, code_challenge_method=S256 and prompt=select_account added to its query
// (parameters the endpoint already has are kept). Throws std::invalid_argument if the endpoint
// is not an absolute URL.
std::string authorization_url(std::string_view authorization_endpoint,
                              const AuthorizationRequest& request);

}  // namespace nicecream::auth

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/sign_in_error.hpp"

namespace nicecream::auth {

// How we prove to the token endpoint that we are the client (OAuth 2.0 §2.3.1).
enum class ClientAuthMethod { client_secret_basic, client_secret_post };

// The configured method, else what the provider offers (basic when it says nothing or offers
// both, as OpenID Connect Discovery makes basic the default).
ClientAuthMethod choose_client_auth(const std::vector<std::string>& supported,
                                    std::optional<ClientAuthMethod> configured);

struct TokenRequest {
  std::string body;           // application/x-www-form-urlencoded
  std::string authorization;  // the Authorization header's value; empty with client_secret_post
};

struct CodeExchange {
  std::string_view code;
  std::string_view code_verifier;
  std::string_view redirect_uri;
  std::string_view client_id;
  std::string_view client_secret;
};

TokenRequest token_request(const CodeExchange& exchange, ClientAuthMethod method);

// The ID token from a token endpoint's answer; token_exchange_failed for an error status, an
// `error` member, or no id_token. The provider's error code, if any, lands in `provider_error`
// for the log (it names a reason, never a secret).
SignInResult<std::string> id_token_from_token_response(long status, std::string_view body,
                                                       std::string* provider_error = nullptr);

// application/x-www-form-urlencoded escaping of one name or value.
std::string form_urlencode(std::string_view text);

}  // namespace nicecream::auth

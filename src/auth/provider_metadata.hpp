#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auth/sign_in_error.hpp"

namespace nicecream::auth {

// The parts of an OpenID provider's discovery document we use.
struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::vector<std::string> token_endpoint_auth_methods;  // empty: the spec's default, basic
};

// `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery §4).
std::string discovery_url(std::string_view issuer);

// Reads a discovery document. Its `issuer` must equal the configured one exactly (else
// issuer_mismatch), and every endpoint must be an absolute https URL, or http when the issuer
// itself is http (a loopback test provider); anything else is discovery_failed.
SignInResult<ProviderMetadata> parse_provider_metadata(std::string_view json,
                                                       std::string_view expected_issuer);

}  // namespace nicecream::auth

#include "auth/provider_metadata.hpp"

#include <boost/json/parse.hpp>

#include "url/url.hpp"

namespace nicecream::auth {
namespace {

namespace json = boost::json;

std::string string_or_empty(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

// An endpoint we may send the client secret and codes to.
bool is_acceptable_endpoint(std::string_view endpoint, std::string_view issuer_scheme) {
  const auto parsed = url::parse_absolute_url(endpoint);
  if (!parsed || !parsed->has_authority() || parsed->host().empty()) {
    return false;
  }
  const auto scheme = parsed->scheme();
  return scheme == "https" || (scheme == "http" && issuer_scheme == "http");
}

std::string_view scheme_of(std::string_view url) {
  const auto colon = url.find(':');
  return colon == std::string_view::npos ? std::string_view{} : url.substr(0, colon);
}

}  // namespace

std::string discovery_url(std::string_view issuer) {
  while (issuer.ends_with('/')) {
    issuer.remove_suffix(1);
  }
  return std::string(issuer) + "/.well-known/openid-configuration";
}

SignInResult<ProviderMetadata> parse_provider_metadata(std::string_view text,
                                                       std::string_view expected_issuer) {
  boost::system::error_code error;
  const auto document = json::parse(text, error);
  if (error || !document.is_object()) {
    return SignInError::discovery_failed;
  }
  const auto& object = document.get_object();
  ProviderMetadata metadata{
      .issuer = string_or_empty(object, "issuer"),
      .authorization_endpoint = string_or_empty(object, "authorization_endpoint"),
      .token_endpoint = string_or_empty(object, "token_endpoint"),
      .jwks_uri = string_or_empty(object, "jwks_uri"),
      .token_endpoint_auth_methods = {},
  };
  if (metadata.issuer != expected_issuer) {
    return SignInError::issuer_mismatch;
  }
  const auto issuer_scheme = scheme_of(expected_issuer);
  for (const auto* endpoint :
       {&metadata.authorization_endpoint, &metadata.token_endpoint, &metadata.jwks_uri}) {
    if (!is_acceptable_endpoint(*endpoint, issuer_scheme)) {
      return SignInError::discovery_failed;
    }
  }
  if (const auto* methods = object.if_contains("token_endpoint_auth_methods_supported");
      methods != nullptr && methods->is_array()) {
    for (const auto& method : methods->get_array()) {
      if (method.is_string()) {
        metadata.token_endpoint_auth_methods.emplace_back(method.get_string());
      }
    }
  }
  return metadata;
}

}  // namespace nicecream::auth

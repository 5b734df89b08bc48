#include "auth/token_exchange.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "auth/base64.hpp"

namespace nicecream::auth {
namespace {

bool offers(const std::vector<std::string>& supported, std::string_view method) {
  return std::find(supported.begin(), supported.end(), method) != supported.end();
}

void append_field(std::string& body, std::string_view name, std::string_view value) {
  if (!body.empty()) {
    body += '&';
  }
  body += form_urlencode(name);
  body += '=';
  body += form_urlencode(value);
}

// OAuth error codes are short ASCII words (RFC 6749 §5.2); anything else is not worth logging.
bool is_error_code(std::string_view text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  });
}

}  // namespace

ClientAuthMethod choose_client_auth(const std::vector<std::string>& supported,
                                    std::optional<ClientAuthMethod> configured) {
  if (configured) {
    return *configured;
  }
  if (!offers(supported, "client_secret_basic") && offers(supported, "client_secret_post")) {
    return ClientAuthMethod::client_secret_post;
  }
  return ClientAuthMethod::client_secret_basic;
}

std::string form_urlencode(std::string_view text) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      encoded += c;
    } else if (c == ' ') {
      encoded += '+';
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0F];
    }
  }
  return encoded;
}

TokenRequest token_request(const CodeExchange& exchange, ClientAuthMethod method) {
  TokenRequest request;
  append_field(request.body, "grant_type", "authorization_code");
  append_field(request.body, "code", exchange.code);
  append_field(request.body, "redirect_uri", exchange.redirect_uri);
  append_field(request.body, "code_verifier", exchange.code_verifier);
  if (method == ClientAuthMethod::client_secret_post) {
    append_field(request.body, "client_id", exchange.client_id);
    append_field(request.body, "client_secret", exchange.client_secret);
  } else {
    // RFC 6749 §2.3.1: both parts are form-encoded before they are joined and base64-encoded.
    request.authorization = "Basic " + encode_base64(form_urlencode(exchange.client_id) + ":" +
                                                     form_urlencode(exchange.client_secret));
  }
  return request;
}

SignInResult<std::string> id_token_from_token_response(long status, std::string_view body,
                                                       std::string* provider_error) {
  boost::system::error_code error;
  const auto document = boost::json::parse(body, error);
  const auto* object = !error && document.is_object() ? &document.get_object() : nullptr;
  const auto* error_code = object != nullptr ? object->if_contains("error") : nullptr;
  if (provider_error != nullptr && error_code != nullptr && error_code->is_string() &&
      is_error_code(error_code->get_string())) {
    *provider_error = std::string(error_code->get_string());
  }
  const auto* id_token = object != nullptr ? object->if_contains("id_token") : nullptr;
  if (status != 200 || error_code != nullptr || id_token == nullptr || !id_token->is_string() ||
      id_token->get_string().empty()) {
    return SignInError::token_exchange_failed;
  }
  return std::string(id_token->get_string());
}

}  // namespace nicecream::auth

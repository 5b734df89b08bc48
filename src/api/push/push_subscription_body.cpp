#include "api/push/push_subscription_body.hpp"

#include <algorithm>

#include "auth/base64.hpp"
#include "auth/jwk.hpp"
#include "push/push_endpoint.hpp"

namespace nicecream::api {

namespace {

constexpr std::size_t kAuthSecretBytes = 16;
constexpr std::size_t kMaxKeyTextBytes = 256;

void refuse_unknown_fields(const boost::json::object& object, std::string_view prefix,
                           std::initializer_list<std::string_view> known,
                           domain::ValidationErrors& errors) {
  for (const auto& field : object)
    if (std::ranges::find(known, std::string_view(field.key())) == known.end())
      errors.add("body", std::string(prefix) + std::string(field.key()),
                 std::string(domain::messages::unknown_field));
}

const boost::json::string* required_string(const boost::json::object& object, std::string_view key,
                                           const std::string& field,
                                           domain::ValidationErrors& errors) {
  const auto* value = object.if_contains(key);
  if (value == nullptr) {
    errors.add("body", field, std::string(domain::messages::required));
    return nullptr;
  }
  if (!value->is_string()) {
    errors.add("body", field, "Not a valid string.");
    return nullptr;
  }
  return &value->get_string();
}

std::optional<std::string> read_endpoint(const boost::json::object& body,
                                         bool allow_private_targets,
                                         domain::ValidationErrors& errors) {
  const auto* endpoint = required_string(body, "endpoint", "endpoint", errors);
  if (endpoint == nullptr) return std::nullopt;
  if (!push::endpoint_origin(*endpoint, allow_private_targets)) {
    errors.add("body", "endpoint",
               allow_private_targets ? "Not an http(s) URL." : "Not an https URL.");
    return std::nullopt;
  }
  return std::string(*endpoint);
}

// Decoded bytes checked, but the text kept as sent: that is what the sender decodes again.
std::optional<std::string> read_key(const boost::json::object& keys, std::string_view key,
                                    domain::ValidationErrors& errors) {
  const std::string field = "keys." + std::string(key);
  const auto* text = required_string(keys, key, field, errors);
  if (text == nullptr) return std::nullopt;
  const auto bytes =
      text->size() <= kMaxKeyTextBytes ? auth::decode_base64url(*text) : std::nullopt;
  const bool valid = bytes && (key == "auth" ? bytes->size() == kAuthSecretBytes
                                             : auth::p256_public_key(*bytes) != nullptr);
  if (!valid) {
    errors.add("body", field,
               key == "auth" ? "Not a 16-byte secret in base64url."
                             : "Not an uncompressed P-256 public key in base64url.");
    return std::nullopt;
  }
  return std::string(*text);
}

}  // namespace

std::optional<domain::NewPushSubscription> read_push_subscription(
    const boost::json::object& body, bool allow_private_targets, domain::ValidationErrors& errors) {
  refuse_unknown_fields(body, "", {"endpoint", "expirationTime", "keys"}, errors);
  auto endpoint = read_endpoint(body, allow_private_targets, errors);
  if (const auto* expiry = body.if_contains("expirationTime");
      expiry != nullptr && !expiry->is_null() && !expiry->is_number())
    errors.add("body", "expirationTime", "Not a number or null.");
  const auto* keys = body.if_contains("keys");
  std::optional<std::string> p256dh;
  std::optional<std::string> auth;
  if (keys == nullptr) {
    errors.add("body", "keys", std::string(domain::messages::required));
  } else if (!keys->is_object()) {
    errors.add("body", "keys", "Not a valid object.");
  } else {
    refuse_unknown_fields(keys->get_object(), "keys.", {"p256dh", "auth"}, errors);
    p256dh = read_key(keys->get_object(), "p256dh", errors);
    auth = read_key(keys->get_object(), "auth", errors);
  }
  if (!errors.empty()) return std::nullopt;
  return domain::NewPushSubscription{
      .endpoint = std::move(*endpoint), .p256dh = std::move(*p256dh), .auth = std::move(*auth)};
}

std::optional<std::string> read_push_endpoint(const boost::json::object& body,
                                              domain::ValidationErrors& errors) {
  refuse_unknown_fields(body, "", {"endpoint"}, errors);
  const auto* endpoint = required_string(body, "endpoint", "endpoint", errors);
  if (endpoint == nullptr || !errors.empty()) return std::nullopt;
  return std::string(*endpoint);
}

}  // namespace nicecream::api

#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "domain/push_subscription.hpp"
#include "domain/validation.hpp"

namespace nicecream::api {

// The browser's PushSubscription JSON, {endpoint, expirationTime?, keys: {p256dh, auth}}: the
// endpoint an https URL (any http(s) URL when private targets are allowed), p256dh a P-256 point
// and auth a 16-byte secret, both base64url. Every problem lands in `errors` under its field.
std::optional<domain::NewPushSubscription> read_push_subscription(const boost::json::object& body,
                                                                  bool allow_private_targets,
                                                                  domain::ValidationErrors& errors);

// The body of DELETE /user/push-subscriptions: {endpoint}.
std::optional<std::string> read_push_endpoint(const boost::json::object& body,
                                              domain::ValidationErrors& errors);

}  // namespace nicecream::api

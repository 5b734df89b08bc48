#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nicecream::push {

// Longer than any push service's endpoint; bounds what a user can make us store and call.
inline constexpr std::size_t kMaxEndpointBytes = 2048;

// The origin (scheme://host[:port]) of a push endpoint, the audience of its VAPID JWT; nullopt
// for anything but an absolute https URL with a host and no user info (http too when
// `allow_http`: tests and push services on the operator's own network).
std::optional<std::string> endpoint_origin(std::string_view endpoint, bool allow_http);

}  // namespace nicecream::push

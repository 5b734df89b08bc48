#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "push/vapid_key.hpp"

namespace nicecream::push {

// How long a VAPID JWT is valid: RFC 8292 allows at most 24 hours; half leaves room for clocks.
inline constexpr std::chrono::hours kVapidTokenLifetime{12};

// `vapid t=<JWT>, k=<public key>` (RFC 8292 §3): an ES256 JWT {aud: the push service's origin,
// exp: now + kVapidTokenLifetime, sub: the operator's contact (mailto: or https:)}.
std::string vapid_authorization(const VapidKey& key, std::string_view audience,
                                std::string_view subject,
                                std::chrono::system_clock::time_point now);

}  // namespace nicecream::push

#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace nicecream::push {

// What a push service's answer means for the message (RFC 8030 §5, §8.4).
enum class DeliveryResult {
  sent,    // 2xx: the push service took the message
  gone,    // 404, 410: the subscription expired or was revoked: forget it
  retry,   // 429, 5xx, or no answer at all: try again later
  failed,  // any other answer (400, 403, 413...): retrying would not help
};

DeliveryResult classify_push_status(long status);

// Retry-After as delay-seconds (RFC 9110 §10.2.3); nullopt for a date or garbage, when the
// sender's own backoff applies.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value);

}  // namespace nicecream::push

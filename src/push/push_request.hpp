#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

namespace nicecream::push {

// One POST to a push service (RFC 8030 §5).
struct PushRequest {
  std::string endpoint;
  std::string authorization;  // vapid t=..., k=...
  std::string body;           // aes128gcm
  std::chrono::seconds ttl{0};
  std::string urgency = "normal";
  std::string user_agent;
  std::chrono::milliseconds timeout{10'000};
  bool allow_private_targets = false;
};

struct PushResponse {
  long status = 0;  // 0: no answer (see error)
  std::optional<std::chrono::seconds> retry_after;
  std::string error;     // why there was no answer; names the host or the refused address only
  bool refused = false;  // the endpoint resolved to an address private targets would need
};

// Blocks until the push service answers, the timeout passes or `cancel` turns true. No
// redirects; private addresses refused after DNS unless allowed (outbound::TargetGuard).
PushResponse post_push_message(const PushRequest& request, const std::atomic<bool>& cancel);

}  // namespace nicecream::push

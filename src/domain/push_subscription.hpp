#pragma once

#include <string>

#include "domain/models.hpp"

namespace nicecream::domain {

// A browser's Web Push subscription (its PushSubscription), owned by one user. The keys are
// kept as the browser sent them: unpadded base64url.
struct PushSubscription {
  Id id = 0;
  Id user_id = 0;
  std::string endpoint;
  std::string p256dh;  // the browser's P-256 public key
  std::string auth;    // its 16-byte authentication secret
  Timestamp created_at{};
};

struct NewPushSubscription {
  std::string endpoint;
  std::string p256dh;
  std::string auth;
};

}  // namespace nicecream::domain

#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "support/emulators/emulator_process.hpp"

namespace nicecream::testing {

// A subscription the emulator made: the browser's PushSubscription JSON and its id.
struct EmulatedSubscription {
  std::string id;
  std::string endpoint;
  std::string p256dh;
  std::string auth;
  std::string json;  // {"endpoint", "expirationTime", "keys"}: what a browser POSTs
};

// What the emulator received for one subscription (see emulator.py).
struct PushInbox {
  std::int64_t attempts = 0;
  std::vector<boost::json::object> messages;  // checked and decrypted: payload, claims, ttl...
  std::vector<std::string> rejected;          // why each refused request was refused
  // Messages answered 201: the ones a browser would show.
  std::vector<boost::json::object> delivered() const;
};

// Runs tests/support/push/emulator.py, a Web Push service (and the browsers behind it) on a free
// loopback port, for the life of the object. Needs python3 with python3-cryptography.
class PushEmulator {
 public:
  PushEmulator();

  std::string origin() const { return process_.origin(); }  // http://127.0.0.1:PORT
  int port() const { return process_.port(); }
  EmulatedSubscription subscribe();
  // The statuses the next requests to `id` get, in order (then 201); Retry-After with 429/5xx.
  void answer_next(const std::string& id, const std::vector<int>& statuses, int retry_after = -1);
  PushInbox inbox(const std::string& id);

 private:
  EmulatorProcess process_;
};

}  // namespace nicecream::testing

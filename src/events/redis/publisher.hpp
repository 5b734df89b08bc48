#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "events/redis/backoff.hpp"
#include "events/redis/connection.hpp"
#include "events/redis/redis_settings.hpp"

namespace nicecream::events::redis {

// Publishes on one connection of its own, shared by the process's publishers under a mutex so
// messages leave in the order they were published.
class Publisher {
 public:
  explicit Publisher(RedisSettings settings);

  // Never throws for Redis being away: the item is in the store already, and subscribers catch up
  // from there. An outage is logged once, when it starts, and once when it ends; while it lasts,
  // reconnection is tried at most once per backoff step, so the crawler is not held up.
  // `what` names the message in log lines ("history 42").
  void publish(const std::string& topic, const std::string& message, std::string_view what);

 private:
  void send(const std::string& topic, const std::string& message);  // throws RedisError
  void outage(const std::string& reason);

  RedisSettings settings_;
  std::mutex mutex_;
  std::optional<Connection> connection_;
  Backoff backoff_;
  bool in_outage_ = false;
  std::chrono::steady_clock::time_point next_attempt_{};
};

}  // namespace nicecream::events::redis

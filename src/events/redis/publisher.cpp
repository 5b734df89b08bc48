#include "events/redis/publisher.hpp"

#include <spdlog/spdlog.h>

namespace nicecream::events::redis {

Publisher::Publisher(RedisSettings settings)
    : settings_(std::move(settings)), backoff_(settings_.first_retry, settings_.longest_retry) {}

void Publisher::publish(const std::string& topic, const std::string& message,
                        std::string_view what) {
  std::lock_guard lock(mutex_);
  if (in_outage_ && std::chrono::steady_clock::now() < next_attempt_) {
    spdlog::debug("redis: {} not published: {} is still unreachable", what, settings_.endpoint());
    return;
  }
  try {
    send(topic, message);
  } catch (const RedisError& error) {
    outage(error.what());
    spdlog::debug("redis: {} not published", what);
    return;
  }
  if (in_outage_) {
    spdlog::info("redis: publishing on '{}' at {} again", settings_.channel, settings_.endpoint());
    in_outage_ = false;
    backoff_.reset();
  }
}

void Publisher::send(const std::string& topic, const std::string& message) {
  // A kept connection may have been closed by a Redis restart since the last item; that shows
  // only when it is used, so one failure on it earns one try on a fresh connection.
  if (connection_) {
    try {
      connection_->command({"PUBLISH", topic, message});
      return;
    } catch (const RedisError&) {
      connection_.reset();
    }
  }
  connection_.emplace(settings_);
  try {
    connection_->command({"PUBLISH", topic, message});
  } catch (const RedisError&) {
    connection_.reset();
    throw;
  }
}

void Publisher::outage(const std::string& reason) {
  if (!in_outage_)
    spdlog::warn(
        "redis: cannot publish on '{}' at {}: {}; new items stay in the database and live streams "
        "catch up from there once Redis is back",
        settings_.channel, settings_.endpoint(), reason);
  in_outage_ = true;
  next_attempt_ = std::chrono::steady_clock::now() + backoff_.next();
}

}  // namespace nicecream::events::redis

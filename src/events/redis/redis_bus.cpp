#include "events/redis/redis_bus.hpp"

#include <cstdio>
#include <random>

#include "events/redis/channel_message.hpp"
#include "events/redis/history_message.hpp"
#include "events/redis/subscriber.hpp"
#include "events/redis/watch_message.hpp"

namespace nicecream::events::redis {

namespace {

// Random enough that two processes never share it; nothing is secret about it.
std::string random_origin() {
  std::random_device source;
  char origin[17];
  std::snprintf(origin, sizeof origin, "%08x%08x", source(), source());
  return origin;
}

}  // namespace

RedisBus::RedisBus(RedisSettings settings, CatchUp catch_up)
    : settings_(std::move(settings)),
      origin_(random_origin()),
      status_topic_(channel_status_topic(settings_.channel)),
      watch_topic_(watch_topic(settings_.channel)),
      catch_up_(std::move(catch_up)),
      publisher_(settings_),
      delivering_(std::make_shared<std::recursive_mutex>()) {}

RedisBus::~RedisBus() = default;

void RedisBus::publish(const domain::HistoryItem& item) {
  publisher_.publish(settings_.channel, encode_history_message(item),
                     "history " + std::to_string(item.id));
}

std::unique_ptr<Subscription> RedisBus::subscribe(Listener listener) {
  auto local = fan_out_.subscribe(std::move(listener));
  start_subscriber();
  return guarded(std::move(local));
}

std::unique_ptr<Subscription> RedisBus::guarded(std::unique_ptr<Subscription> local) {
  // Once the subscription's end returns, the listener is not running and is never called again,
  // so it may refer to things its owner destroys next.
  return std::make_unique<ScopedSubscription>(
      [delivering = delivering_,
       local = std::shared_ptr<Subscription>(std::move(local))]() mutable {
        std::lock_guard lock(*delivering);
        local.reset();
      });
}

std::optional<bool> RedisBus::connected() const {
  std::lock_guard lock(start_mutex_);
  if (!subscriber_) return std::nullopt;
  return subscriber_->connected();
}

void RedisBus::publish_channel(const ChannelEvent& event) {
  {
    std::lock_guard delivering(*delivering_);
    fan_out_.publish_channel(event);
  }
  publisher_.publish(status_topic_, encode_channel_message(event, origin_),
                     "channel " + std::to_string(event.channel.id) + "'s status");
}

std::unique_ptr<Subscription> RedisBus::subscribe_channels(ChannelListener listener) {
  auto local = fan_out_.subscribe_channels(std::move(listener));
  start_subscriber();
  return guarded(std::move(local));
}

void RedisBus::publish_watch(const domain::WatchMatch& match) {
  {
    std::lock_guard delivering(*delivering_);
    fan_out_.publish_watch(match);
  }
  publisher_.publish(watch_topic_, encode_watch_message(match, origin_),
                     "watch " + std::to_string(match.watch_id) + "'s match");
}

std::unique_ptr<Subscription> RedisBus::subscribe_watches(WatchListener listener) {
  auto local = fan_out_.subscribe_watches(std::move(listener));
  start_subscriber();
  return guarded(std::move(local));
}

void RedisBus::start_subscriber() {
  std::lock_guard lock(start_mutex_);
  if (subscriber_) return;
  subscriber_ = std::make_unique<Subscriber>(
      settings_, catch_up_,
      [this](const domain::HistoryItem& item) {
        std::lock_guard delivering(*delivering_);
        fan_out_.publish(item);
      },
      [this](const ChannelEvent& event) {
        std::lock_guard delivering(*delivering_);
        fan_out_.publish_channel(event);
      },
      [this](const domain::WatchMatch& match) {
        std::lock_guard delivering(*delivering_);
        fan_out_.publish_watch(match);
      },
      origin_);
  subscriber_->wait_until_started(settings_.connect_timeout + settings_.io_timeout);
}

}  // namespace nicecream::events::redis

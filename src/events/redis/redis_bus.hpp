#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "events/bus.hpp"
#include "events/local/local_bus.hpp"
#include "events/redis/catch_up.hpp"
#include "events/redis/publisher.hpp"
#include "events/redis/redis_settings.hpp"

namespace nicecream::events::redis {

class Subscriber;

// The bus between processes: publish() sends the item on the Redis channel; the first
// subscribe() starts one background thread that subscribes to the channel and calls this
// process's listeners, in order, each item once. Redis outages are survived, not thrown: items
// recorded meanwhile come from `catch_up` (the database) once the subscription is back. A process
// that only publishes (`crawl`) never starts the thread.
class RedisBus final : public Bus {
 public:
  RedisBus(RedisSettings settings, CatchUp catch_up);
  ~RedisBus() override;
  RedisBus(const RedisBus&) = delete;
  RedisBus& operator=(const RedisBus&) = delete;

  void publish(const domain::HistoryItem& item) override;
  // The first call waits until the subscription is live (or its first attempt failed), so what
  // is published after it returns is received. Listeners must not subscribe from inside a call.
  std::unique_ptr<Subscription> subscribe(Listener listener) override;
  // Channel status changes reach this process's listeners at once and every other process's
  // through Redis (on a channel of their own, see channel_message.hpp). Unlike items, one
  // published while Redis is away is not caught up later: /channels has it.
  void publish_channel(const ChannelEvent& event) override;
  std::unique_ptr<Subscription> subscribe_channels(ChannelListener listener) override;
  // Watch matches go the same way, on their own topic (watch_message.hpp).
  void publish_watch(const domain::WatchMatch& match) override;
  std::unique_ptr<Subscription> subscribe_watches(WatchListener listener) override;
  // The subscription's connection; a bus that only publishes (`crawl`) reports nothing here.
  std::optional<bool> connected() const override;

 private:
  void start_subscriber();
  // Wraps a subscription to fan_out_ so that its end waits out a delivery in progress.
  std::unique_ptr<Subscription> guarded(std::unique_ptr<Subscription> local);

  RedisSettings settings_;
  std::string origin_;  // names this process on the channel status topic
  std::string status_topic_;
  std::string watch_topic_;
  CatchUp catch_up_;
  Publisher publisher_;
  LocalBus fan_out_;
  // Held while listeners run, so a subscription that ends waits out a call in progress.
  std::shared_ptr<std::recursive_mutex> delivering_;
  mutable std::mutex start_mutex_;
  std::unique_ptr<Subscriber> subscriber_;  // last: stopped before anything it uses goes
};

}  // namespace nicecream::events::redis

#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "domain/models.hpp"
#include "events/bus.hpp"
#include "events/redis/backoff.hpp"
#include "events/redis/catch_up.hpp"
#include "events/redis/connection.hpp"
#include "events/redis/recent_ids.hpp"
#include "events/redis/redis_settings.hpp"

namespace nicecream::events::redis {

// The subscribing side of one process: a thread that holds a SUBSCRIBE on the channel and hands
// each item to `deliver`, in order and at most once, and each channel status change from another
// process to `deliver_channel` (those are not caught up after an outage: /channels has them). When
// Redis goes away it reconnects with backoff, polling the database for new items between attempts,
// and once subscribed again first delivers from the database what was recorded meanwhile. A live
// item whose id skips past the newest delivered one (a publish that was lost, or two crawlers whose
// publishes crossed) makes it read the database the same way, so items still arrive in id order.
class Subscriber {
 public:
  using Deliver = std::function<void(const domain::HistoryItem&)>;
  using DeliverChannel = std::function<void(const ChannelEvent&)>;
  using DeliverWatch = std::function<void(const domain::WatchMatch&)>;

  // Channel and watch messages whose origin is `own_origin` are this process's own and are
  // skipped; watch matches, like channel changes, are not caught up after an outage.
  Subscriber(RedisSettings settings, CatchUp catch_up, Deliver deliver,
             DeliverChannel deliver_channel, DeliverWatch deliver_watch, std::string own_origin);
  // Stops and joins the thread: it wakes at once from waiting on Redis or on a backoff, and at
  // worst finishes a connection attempt (connect_timeout) or a database read first.
  ~Subscriber();
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  // Waits until the first subscription is live or the first attempt failed, at most `limit`.
  void wait_until_started(std::chrono::milliseconds limit);
  // Subscribed now (false while Redis is away and the thread reconnects).
  bool connected() const { return connected_.load(); }

 private:
  enum class Wakeup { readable, timeout, stop };

  void run();
  void listen(Connection& connection);
  void handle(const redisReply& reply);
  void subscribed();
  void lost(const std::string& reason);
  void receive(std::string_view payload);
  void receive_channel(std::string_view payload);
  void receive_watch(std::string_view payload);
  std::size_t catch_up();                              // returns how many items it delivered
  bool deliver_once(const domain::HistoryItem& item);  // false: delivered before
  void started();
  Wakeup wait_for(int fd, std::chrono::milliseconds timeout);

  RedisSettings settings_;
  CatchUp read_missed_;
  Deliver deliver_;
  DeliverChannel deliver_channel_;
  DeliverWatch deliver_watch_;
  std::string own_origin_;
  std::string status_topic_;
  std::string watch_topic_;
  int wake_fd_ = -1;  // an eventfd the destructor writes to, to end any wait at once
  std::atomic<bool> stopping_ = false;
  std::atomic<bool> connected_ = false;

  std::mutex start_mutex_;
  std::condition_variable start_signal_;
  bool started_ = false;

  // Owned by the thread:
  Backoff backoff_;
  std::optional<domain::Id> newest_delivered_;  // unknown until the database first answers
  RecentIds recent_;
  std::optional<std::chrono::steady_clock::time_point> outage_since_;
  std::size_t caught_up_in_outage_ = 0;
  bool database_failing_ = false;
  bool ping_outstanding_ = false;

  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace nicecream::events::redis

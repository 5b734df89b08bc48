#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/push_subscription.hpp"
#include "push/vapid_key.hpp"

namespace nicecream::push {

// One message for every browser a user subscribed: the JSON the service worker shows.
struct Notification {
  domain::Id user_id = 0;
  std::string payload;
};

struct SenderSettings {
  std::string subject;  // the VAPID JWT's sub: mailto: or https: (API_VAPID_SUBJECT)
  bool allow_private_targets = false;
  std::string user_agent;
  std::size_t queue_capacity = 1024;  // notifications waiting; beyond, new ones are dropped
  int max_attempts = 4;               // per browser: the first try and three retries
  std::chrono::milliseconds first_retry{1000};  // doubled on each further retry
  std::chrono::seconds max_retry_delay{600};    // a longer Retry-After is cut to this
  std::chrono::seconds ttl{86400};  // how long the push service keeps an undelivered message
  std::chrono::milliseconds timeout{10'000};  // one request to the push service, connect included
};

// Where the sender finds a user's browsers and forgets one the push service no longer knows
// (the store, wired by cli). Called on the sender's thread only.
struct SubscriptionBook {
  std::function<std::vector<domain::PushSubscription>(domain::Id user_id)> of_user;
  std::function<void(const std::string& endpoint)> remove;
};

// Sends Web Push messages from one thread of its own: a bounded queue of notifications, each
// fanned out to the user's subscriptions, encrypted (RFC 8291), signed (VAPID, RFC 8292) and
// POSTed through the outbound guard; 429, 5xx and network errors are retried with backoff (or
// after Retry-After), 404/410 remove the subscription. enqueue never blocks.
class PushSender {
 public:
  PushSender(VapidKey key, SenderSettings settings, SubscriptionBook subscriptions);
  PushSender(const PushSender&) = delete;
  PushSender& operator=(const PushSender&) = delete;
  ~PushSender();

  // False when the queue is full: the notification is dropped, counted and logged.
  bool enqueue(Notification notification);
  // Ends the thread: a request under way is cut, what waits is dropped. Idempotent.
  void stop();

 private:
  struct Delivery {
    domain::PushSubscription subscription;
    std::string payload;
    int attempt = 1;
  };
  using Clock = std::chrono::steady_clock;

  void run();
  bool next_work(std::unique_lock<std::mutex>& lock, std::vector<Delivery>& due);
  void fan_out(const Notification& notification, std::vector<Delivery>& deliveries);
  void attempt(Delivery delivery);
  std::chrono::milliseconds retry_delay(int attempt,
                                        std::optional<std::chrono::seconds> retry_after) const;
  void schedule_retry(Delivery delivery, std::chrono::milliseconds delay);

  const VapidKey key_;
  const SenderSettings settings_;
  const SubscriptionBook subscriptions_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Notification> queue_;
  std::multimap<Clock::time_point, Delivery> retries_;
  bool stopping_ = false;
  std::atomic<bool> cancel_{false};  // cuts a request under way on stop
  std::thread thread_;
};

}  // namespace nicecream::push

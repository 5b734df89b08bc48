#include "push/push_sender.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "auth/base64.hpp"
#include "metrics/app_metrics.hpp"
#include "push/delivery_outcome.hpp"
#include "push/message_encryption.hpp"
#include "push/push_endpoint.hpp"
#include "push/push_request.hpp"
#include "push/vapid_header.hpp"

namespace nicecream::push {
namespace {

void count(const char* result) {
  metrics::app().push_deliveries.with({result}).add();
}

std::optional<UserAgentKeys> keys_of(const domain::PushSubscription& subscription) {
  auto p256dh = auth::decode_base64url(subscription.p256dh);
  auto auth = auth::decode_base64url(subscription.auth);
  if (!p256dh || !auth) return std::nullopt;
  return UserAgentKeys{.p256dh = std::move(*p256dh), .auth = std::move(*auth)};
}

}  // namespace

PushSender::PushSender(VapidKey key, SenderSettings settings, SubscriptionBook subscriptions)
    : key_(std::move(key)),
      settings_(std::move(settings)),
      subscriptions_(std::move(subscriptions)),
      thread_([this] { run(); }) {}

PushSender::~PushSender() {
  stop();
}

bool PushSender::enqueue(Notification notification) {
  {
    const std::lock_guard lock(mutex_);
    if (!stopping_ && queue_.size() < settings_.queue_capacity) {
      queue_.push_back(std::move(notification));
      wake_.notify_one();
      return true;
    }
  }
  count("dropped");
  spdlog::warn("web push: the queue is full ({} notifications); one for user {} dropped",
               settings_.queue_capacity, notification.user_id);
  return false;
}

void PushSender::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cancel_ = true;
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PushSender::run() {
  std::unique_lock lock(mutex_);
  std::vector<Delivery> due;
  while (next_work(lock, due)) {
    lock.unlock();
    for (auto& delivery : due) attempt(std::move(delivery));
    due.clear();
    lock.lock();
  }
}

// Waits for a notification or a retry that is due; false once stopping.
bool PushSender::next_work(std::unique_lock<std::mutex>& lock, std::vector<Delivery>& due) {
  for (;;) {
    if (stopping_) return false;
    const auto now = Clock::now();
    if (!retries_.empty() && retries_.begin()->first <= now) {
      due.push_back(std::move(retries_.begin()->second));
      retries_.erase(retries_.begin());
      return true;
    }
    if (!queue_.empty()) {
      const auto notification = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      fan_out(notification, due);
      lock.lock();
      return true;
    }
    if (retries_.empty())
      wake_.wait(lock);
    else
      wake_.wait_until(lock, retries_.begin()->first);
  }
}

void PushSender::fan_out(const Notification& notification, std::vector<Delivery>& deliveries) {
  try {
    for (auto& subscription : subscriptions_.of_user(notification.user_id))
      deliveries.push_back(
          Delivery{.subscription = std::move(subscription), .payload = notification.payload});
  } catch (const std::exception& error) {
    count("failed");
    spdlog::warn("web push: cannot read the subscriptions of user {}: {}", notification.user_id,
                 error.what());
  }
}

void PushSender::attempt(Delivery delivery) {
  const auto& endpoint = delivery.subscription.endpoint;
  const auto origin = endpoint_origin(endpoint, settings_.allow_private_targets);
  const auto keys = keys_of(delivery.subscription);
  const auto body = keys ? encrypt_push_message(delivery.payload, *keys) : std::nullopt;
  if (!origin || !body) {
    count("failed");
    spdlog::warn("web push: subscription {} cannot be sent to (endpoint or keys unusable)",
                 delivery.subscription.id);
    return;
  }
  const auto response =
      post_push_message({.endpoint = endpoint,
                         .authorization = vapid_authorization(key_, *origin, settings_.subject,
                                                              std::chrono::system_clock::now()),
                         .body = *body,
                         .ttl = settings_.ttl,
                         .user_agent = settings_.user_agent,
                         .timeout = settings_.timeout,
                         .allow_private_targets = settings_.allow_private_targets},
                        cancel_);
  const auto result =
      response.refused ? DeliveryResult::failed : classify_push_status(response.status);
  switch (result) {
    case DeliveryResult::sent:
      count("sent");
      return;
    case DeliveryResult::gone:
      count("removed");
      spdlog::info("web push: {} answered {}; subscription {} removed", *origin, response.status,
                   delivery.subscription.id);
      try {
        subscriptions_.remove(endpoint);
      } catch (const std::exception& error) {
        spdlog::warn("web push: cannot remove subscription {}: {}", delivery.subscription.id,
                     error.what());
      }
      return;
    case DeliveryResult::retry:
      if (delivery.attempt < settings_.max_attempts) {
        const auto delay = retry_delay(delivery.attempt, response.retry_after);
        spdlog::info("web push: {} answered {}; retry {} in {} ms", *origin,
                     response.status == 0 ? response.error : std::to_string(response.status),
                     delivery.attempt, delay.count());
        ++delivery.attempt;
        schedule_retry(std::move(delivery), delay);
        return;
      }
      break;
    case DeliveryResult::failed:
      break;
  }
  count("failed");
  spdlog::warn("web push: delivery to {} failed: {}", *origin,
               response.status == 0 ? response.error : "status " + std::to_string(response.status));
}

// The push service's Retry-After when it gave one (capped), else doubling from first_retry.
std::chrono::milliseconds PushSender::retry_delay(
    int attempt, std::optional<std::chrono::seconds> retry_after) const {
  if (retry_after)
    return std::min<std::chrono::milliseconds>(*retry_after, settings_.max_retry_delay);
  return std::min<std::chrono::milliseconds>(
      settings_.first_retry * (1 << std::min(attempt - 1, 16)), settings_.max_retry_delay);
}

void PushSender::schedule_retry(Delivery delivery, std::chrono::milliseconds delay) {
  const std::lock_guard lock(mutex_);
  if (stopping_) return;
  retries_.emplace(Clock::now() + delay, std::move(delivery));
}

}  // namespace nicecream::push

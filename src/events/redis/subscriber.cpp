#include "events/redis/subscriber.hpp"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "events/redis/channel_message.hpp"
#include "events/redis/history_message.hpp"
#include "events/redis/watch_message.hpp"

namespace nicecream::events::redis {

namespace {

constexpr int kCatchUpPage = 500;
constexpr std::size_t kRecentIds = 4096;

std::string_view text_of(const redisReply& reply) {
  return {reply.str, reply.len};
}

bool is_text(const redisReply& reply) {
  return reply.type == REDIS_REPLY_STRING || reply.type == REDIS_REPLY_STATUS;
}

// Starts threads with every signal blocked: signals belong to the application's own threads
// (sigwait in `crawl`, Asio's signal_set in `serve`), and a write to a closed socket must not
// raise SIGPIPE here.
class AllSignalsBlocked {
 public:
  AllSignalsBlocked() {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous_);
  }
  ~AllSignalsBlocked() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  AllSignalsBlocked(const AllSignalsBlocked&) = delete;
  AllSignalsBlocked& operator=(const AllSignalsBlocked&) = delete;

 private:
  sigset_t previous_{};
};

}  // namespace

Subscriber::Subscriber(RedisSettings settings, CatchUp catch_up, Deliver deliver,
                       DeliverChannel deliver_channel, DeliverWatch deliver_watch,
                       std::string own_origin)
    : settings_(std::move(settings)),
      read_missed_(std::move(catch_up)),
      deliver_(std::move(deliver)),
      deliver_channel_(std::move(deliver_channel)),
      deliver_watch_(std::move(deliver_watch)),
      own_origin_(std::move(own_origin)),
      status_topic_(channel_status_topic(settings_.channel)),
      watch_topic_(watch_topic(settings_.channel)),
      wake_fd_(eventfd(0, EFD_CLOEXEC)),
      backoff_(settings_.first_retry, settings_.longest_retry),
      recent_(kRecentIds) {
  if (wake_fd_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
  AllSignalsBlocked blocked;
  thread_ = std::thread([this] { run(); });
}

Subscriber::~Subscriber() {
  stopping_ = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wake_fd_, &one, sizeof one);
  thread_.join();
  ::close(wake_fd_);
}

void Subscriber::wait_until_started(std::chrono::milliseconds limit) {
  std::unique_lock lock(start_mutex_);
  start_signal_.wait_for(lock, limit, [this] { return started_; });
}

void Subscriber::run() {
  catch_up();  // learns the database's newest id: items after it are the new ones
  while (!stopping_) {
    try {
      Connection connection(settings_);
      // The history channel last: its confirmation means every subscription is live.
      connection.send({"SUBSCRIBE", status_topic_, watch_topic_, settings_.channel});
      listen(connection);
    } catch (const std::exception& error) {
      lost(error.what());
    }
    if (stopping_) break;
    // Meanwhile the database is the only source: polling it keeps live streams (and the caches
    // that listen) up to date, only later.
    caught_up_in_outage_ += catch_up();
    if (wait_for(-1, backoff_.next()) == Wakeup::stop) break;
  }
  started();
}

void Subscriber::listen(Connection& connection) {
  ping_outstanding_ = false;
  while (true) {
    while (auto reply = connection.next_reply()) handle(*reply);
    const auto limit = ping_outstanding_ ? settings_.io_timeout : settings_.ping_interval;
    switch (wait_for(connection.fd(), limit)) {
      case Wakeup::stop:
        return;
      case Wakeup::timeout:
        // A silent connection may be a dead one that TCP has not noticed yet.
        if (ping_outstanding_) throw RedisError("no answer to PING");
        connection.send({"PING"});
        ping_outstanding_ = true;
        break;
      case Wakeup::readable:
        connection.read_available();
        ping_outstanding_ = false;
        break;
    }
  }
}

void Subscriber::handle(const redisReply& reply) {
  if (reply.type == REDIS_REPLY_ERROR)
    throw RedisError("Redis refused the subscription: " + std::string(text_of(reply)));
  if (reply.type != REDIS_REPLY_ARRAY || reply.elements < 1 || !is_text(*reply.element[0])) return;
  const auto kind = text_of(*reply.element[0]);
  const bool on_history = reply.elements >= 2 && is_text(*reply.element[1]) &&
                          text_of(*reply.element[1]) == settings_.channel;
  if (kind == "subscribe") {
    if (on_history) subscribed();
  } else if (kind == "message" && reply.elements >= 3 && is_text(*reply.element[2])) {
    const auto payload = text_of(*reply.element[2]);
    if (on_history)
      receive(payload);
    else if (is_text(*reply.element[1]) && text_of(*reply.element[1]) == watch_topic_)
      receive_watch(payload);
    else
      receive_channel(payload);
  }
  // Anything else is the answer to our PING ("pong"), which only had to arrive.
}

void Subscriber::subscribed() {
  connected_ = true;
  backoff_.reset();
  const auto caught_up = catch_up();
  if (outage_since_) {
    const auto down = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - *outage_since_);
    spdlog::info(
        "redis: subscribed to '{}' at {} again after {} ms; {} item(s) recorded meanwhile "
        "delivered from the database",
        settings_.channel, settings_.endpoint(), down.count(), caught_up_in_outage_ + caught_up);
    outage_since_.reset();
    caught_up_in_outage_ = 0;
  } else {
    spdlog::info("redis: subscribed to '{}' at {}", settings_.channel, settings_.endpoint());
  }
  started();
}

void Subscriber::lost(const std::string& reason) {
  connected_ = false;
  if (outage_since_) {
    spdlog::debug("redis: reconnecting to {} failed: {}", settings_.endpoint(), reason);
    return;
  }
  outage_since_ = std::chrono::steady_clock::now();
  spdlog::warn(
      "redis: no subscription to '{}' at {}: {}; reconnecting in the background, and reading "
      "new items from the database meanwhile",
      settings_.channel, settings_.endpoint(), reason);
  started();
}

void Subscriber::receive(std::string_view payload) {
  const auto decoded = decode_history_message(payload);
  if (!decoded.item) {
    spdlog::warn("redis: skipped a message on '{}' that is not a history item: {}",
                 settings_.channel, decoded.error);
    return;
  }
  const auto& item = *decoded.item;
  if (recent_.contains(item.id)) return;
  if (newest_delivered_ && item.id > *newest_delivered_ + 1) catch_up();
  deliver_once(item);
}

void Subscriber::receive_channel(std::string_view payload) {
  const auto decoded = decode_channel_message(payload);
  if (!decoded.event) {
    spdlog::warn("redis: skipped a message on '{}' that is not a channel status: {}", status_topic_,
                 decoded.error);
    return;
  }
  if (decoded.origin == own_origin_) return;
  try {
    deliver_channel_(*decoded.event);
  } catch (const std::exception& error) {
    spdlog::error("redis: a listener failed on channel {}'s status: {}", decoded.event->channel.id,
                  error.what());
  }
}

void Subscriber::receive_watch(std::string_view payload) {
  const auto decoded = decode_watch_message(payload);
  if (!decoded.match) {
    spdlog::warn("redis: skipped a message on '{}' that is not a watch match: {}", watch_topic_,
                 decoded.error);
    return;
  }
  if (decoded.origin == own_origin_) return;
  try {
    deliver_watch_(*decoded.match);
  } catch (const std::exception& error) {
    spdlog::error("redis: a listener failed on watch {}'s match: {}", decoded.match->watch_id,
                  error.what());
  }
}

std::size_t Subscriber::catch_up() {
  std::size_t delivered = 0;
  try {
    if (!newest_delivered_) {
      // At start, or the first time the database answers: what comes after its newest item is new.
      newest_delivered_ = read_missed_.newest_id();
    } else {
      while (true) {
        const auto items = read_missed_.items_after(*newest_delivered_, kCatchUpPage);
        for (const auto& item : items)
          if (deliver_once(item)) ++delivered;
        if (items.size() < static_cast<std::size_t>(kCatchUpPage)) break;
      }
    }
    database_failing_ = false;
  } catch (const std::exception& error) {
    // Said once, however often it is retried while the database stays away.
    spdlog::log(database_failing_ ? spdlog::level::debug : spdlog::level::warn,
                "redis: cannot read new items from the database: {}; live streams lack them "
                "until it answers again or their clients reconnect",
                error.what());
    database_failing_ = true;
  }
  return delivered;
}

bool Subscriber::deliver_once(const domain::HistoryItem& item) {
  newest_delivered_ = std::max(newest_delivered_.value_or(0), item.id);
  if (!recent_.insert(item.id)) return false;
  try {
    deliver_(item);
  } catch (const std::exception& error) {
    spdlog::error("redis: a listener failed on history {}: {}", item.id, error.what());
  }
  return true;
}

void Subscriber::started() {
  {
    std::lock_guard lock(start_mutex_);
    started_ = true;
  }
  start_signal_.notify_all();
}

Subscriber::Wakeup Subscriber::wait_for(int fd, std::chrono::milliseconds timeout) {
  pollfd watched[2] = {{wake_fd_, POLLIN, 0}, {fd, POLLIN, 0}};
  const nfds_t count = fd >= 0 ? 2 : 1;
  const int ready = ::poll(watched, count, static_cast<int>(timeout.count()));
  if (stopping_ || (watched[0].revents & POLLIN)) return Wakeup::stop;
  if (ready > 0 && count == 2 && watched[1].revents != 0) return Wakeup::readable;
  return Wakeup::timeout;
}

}  // namespace nicecream::events::redis

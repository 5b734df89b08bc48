#include "api/live/live_hub.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "domain/models.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::api {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(std::chrono::duration<double> elapsed) {
  return elapsed.count();
}

using QueueList = std::vector<std::shared_ptr<LiveQueue>>;

// Where a group's handler runs: the I/O threads beneath a stream's strand (the server's
// connections), so the groups go out on all of them at once. A plain io_context executor, never a
// strand object: the hub outlives the server's io_context, and a strand must not.
boost::asio::any_io_executor io_threads_of(const boost::asio::any_io_executor& executor) {
  using ConnectionStrand = boost::asio::strand<boost::asio::io_context::executor_type>;
  if (const auto* connection = executor.target<ConnectionStrand>())
    return connection->get_inner_executor();
  return executor;
}

std::size_t group_count() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 16);
}

// Some of the streams. Its events go out in publication order, one handler at a time (`draining_`
// stands in for a strand), each walking the members as they were when the event was published.
class Group : public std::enable_shared_from_this<Group> {
 public:
  void add(std::shared_ptr<LiveQueue> queue) {
    std::lock_guard lock(mutex_);
    if (!executor_) executor_ = io_threads_of(queue->executor());
    const LiveQueue* key = queue.get();
    queues_.emplace(key, std::move(queue));
    snapshot_.reset();
  }

  void remove(const LiveQueue* key) {
    std::lock_guard lock(mutex_);
    queues_.erase(key);
    snapshot_.reset();
    // The last member gone (at shutdown: after the server's io_context), nothing may keep a
    // stream, and with it its strand, alive in an event that will not go out.
    if (queues_.empty()) pending_.clear();
  }

  void offer(const LiveEventPtr& event) {
    std::lock_guard lock(mutex_);
    if (queues_.empty()) return;
    pending_.push_back({snapshot_locked(), event, Clock::now()});
    if (draining_) return;
    draining_ = true;
    boost::asio::post(executor_, [self = shared_from_this()] { self->drain(); });
  }

 private:
  struct Pending {
    std::shared_ptr<const QueueList> members;
    LiveEventPtr event;
    Clock::time_point received;
  };

  // Events that gathered meanwhile for the same members go out together: one write per stream
  // for all of them (a round of stations recording at once, or a walk that fell behind).
  void drain() {
    std::vector<LiveEventPtr> batch;
    std::vector<Clock::time_point> received;
    while (true) {
      std::shared_ptr<const QueueList> members;
      batch.clear();
      received.clear();
      {
        std::lock_guard lock(mutex_);
        if (pending_.empty()) {
          draining_ = false;
          return;
        }
        members = pending_.front().members;
        while (!pending_.empty() && pending_.front().members == members &&
               batch.size() < LiveQueue::kMostOffered) {
          batch.push_back(std::move(pending_.front().event));
          received.push_back(pending_.front().received);
          pending_.pop_front();
        }
      }
      for (const auto& queue : *members) queue->offer(batch);
      const auto walked = Clock::now();
      for (const auto at : received) fanout_duration().observe(seconds(walked - at));
    }
  }

  // Rebuilt at the first item after a change: a burst of streams opening costs one copy, not one
  // per stream. Walked in descriptor order, which is about the order the kernel allocated the
  // sockets in: the descriptor table and socket structures are read in sequence, not at random
  // (bench/sse/hundred_thousand).
  std::shared_ptr<const QueueList> snapshot_locked() {
    if (!snapshot_) {
      auto list = std::make_shared<QueueList>();
      list->reserve(queues_.size());
      for (const auto& [key, queue] : queues_) list->push_back(queue);
      std::sort(list->begin(), list->end(),
                [](const auto& a, const auto& b) { return a->socket() < b->socket(); });
      snapshot_ = std::move(list);
    }
    return snapshot_;
  }

  static metrics::Histogram& fanout_duration() {
    static auto& histogram = metrics::app().live_fanout_duration.with({});
    return histogram;
  }

  std::mutex mutex_;
  boost::asio::any_io_executor executor_;
  std::unordered_map<const LiveQueue*, std::shared_ptr<LiveQueue>> queues_;
  std::shared_ptr<const QueueList> snapshot_;
  std::deque<Pending> pending_;
  bool draining_ = false;
};

}  // namespace

struct LiveHub::Members {
  explicit Members(std::string name) : event_name(std::move(name)) {
    for (std::size_t i = 0; i < group_count(); ++i) groups.push_back(std::make_shared<Group>());
  }

  const std::string event_name;
  std::vector<std::shared_ptr<Group>> groups;
  std::atomic<std::size_t> next_group{0};

  // Called on the bus's thread, in publication order.
  void deliver(const domain::HistoryItem& item) {
    static auto& item_age = metrics::app().live_item_age.with({});
    // Never below 0: another host's crawler may stamp with a clock a little ahead of ours.
    item_age.observe(std::max(0.0, seconds(domain::now() - item.created_at)));
    offer(make_live_event(item, event_name));
  }

  void deliver(const events::ChannelEvent& change) { offer(make_channel_event(change)); }

  // Every stream is offered it; only the owner's signed-in streams take it (LiveQueue::offer).
  void deliver(const domain::WatchMatch& match) { offer(make_watch_event(match)); }

  void offer(const LiveEventPtr& event) {
    for (const auto& group : groups) group->offer(event);
  }
};

LiveHub::LiveHub(events::Bus& bus, std::string event_name)
    : members_(std::make_shared<Members>(std::move(event_name))),
      subscription_(bus.subscribe(
          [members = members_](const domain::HistoryItem& item) { members->deliver(item); })),
      channel_subscription_(bus.subscribe_channels(
          [members = members_](const events::ChannelEvent& change) { members->deliver(change); })),
      watch_subscription_(bus.subscribe_watches(
          [members = members_](const domain::WatchMatch& match) { members->deliver(match); })) {}

std::unique_ptr<events::Subscription> LiveHub::join(std::shared_ptr<LiveQueue> queue) {
  auto group = members_->groups[members_->next_group++ % members_->groups.size()];
  const LiveQueue* key = queue.get();
  group->add(std::move(queue));
  return std::make_unique<events::ScopedSubscription>([group, key] { group->remove(key); });
}

}  // namespace nicecream::api

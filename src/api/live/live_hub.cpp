#include "api/live/live_hub.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace nicecream::api {

namespace {

using Strand = boost::asio::strand<boost::asio::any_io_executor>;
using QueueList = std::vector<std::shared_ptr<LiveQueue>>;

// A group's strand runs on the I/O threads of the streams' own executor: under a stream's strand
// (the server's connections) that is the io_context beneath it.
Strand strand_beside(const boost::asio::any_io_executor& executor) {
  using ConnectionStrand = boost::asio::strand<boost::asio::io_context::executor_type>;
  if (const auto* connection = executor.target<ConnectionStrand>())
    return boost::asio::make_strand(boost::asio::any_io_executor(connection->get_inner_executor()));
  return boost::asio::make_strand(executor);
}

std::size_t group_count() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 16);
}

// Some of the streams, and the strand their items go out on.
class Group {
 public:
  void add(std::shared_ptr<LiveQueue> queue) {
    std::lock_guard lock(mutex_);
    if (!strand_) strand_.emplace(strand_beside(queue->executor()));
    const LiveQueue* key = queue.get();
    queues_.emplace(key, std::move(queue));
    snapshot_.reset();
  }

  void remove(const LiveQueue* key) {
    std::lock_guard lock(mutex_);
    queues_.erase(key);
    snapshot_.reset();
  }

  // Posts the event to the group's strand, where it is offered to each stream in turn. Called in
  // publication order, so each strand sees the events in that order.
  void offer(const LiveEventPtr& event) {
    std::shared_ptr<const QueueList> members;
    {
      std::lock_guard lock(mutex_);
      if (queues_.empty()) return;
      members = snapshot_locked();
    }
    boost::asio::post(*strand_, [members = std::move(members), event] {
      for (const auto& queue : *members) queue->offer(event);
    });
  }

 private:
  // Rebuilt at the first item after a change: a burst of streams opening costs one copy, not one
  // per stream.
  std::shared_ptr<const QueueList> snapshot_locked() {
    if (!snapshot_) {
      auto list = std::make_shared<QueueList>();
      list->reserve(queues_.size());
      for (const auto& [key, queue] : queues_) list->push_back(queue);
      snapshot_ = std::move(list);
    }
    return snapshot_;
  }

  std::mutex mutex_;
  std::optional<Strand> strand_;
  std::unordered_map<const LiveQueue*, std::shared_ptr<LiveQueue>> queues_;
  std::shared_ptr<const QueueList> snapshot_;
};

}  // namespace

struct LiveHub::Members {
  explicit Members(std::string name) : event_name(std::move(name)), groups(group_count()) {}

  const std::string event_name;
  std::vector<Group> groups;
  std::atomic<std::size_t> next_group{0};

  // Called on the bus's thread, in publication order.
  void deliver(const domain::HistoryItem& item) { offer(make_live_event(item, event_name)); }

  void deliver(const events::ChannelEvent& change) {
    offer(make_channel_event(change.channel, change.status));
  }

  // Every stream is offered it; only the owner's signed-in streams take it (LiveQueue::offer).
  void deliver(const domain::WatchMatch& match) { offer(make_watch_event(match)); }

  void offer(const LiveEventPtr& event) {
    for (auto& group : groups) group.offer(event);
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
  auto& group = members_->groups[members_->next_group++ % members_->groups.size()];
  const LiveQueue* key = queue.get();
  group.add(std::move(queue));
  return std::make_unique<events::ScopedSubscription>(
      [members = members_, &group, key] { group.remove(key); });
}

}  // namespace nicecream::api

#include "api/live/live_hub.hpp"

#include <mutex>
#include <unordered_map>
#include <vector>

namespace nicecream::api {

struct LiveHub::Members {
  explicit Members(std::string name) : event_name(std::move(name)) {}

  const std::string event_name;
  std::mutex mutex;
  std::unordered_map<const LiveQueue*, std::shared_ptr<LiveQueue>> queues;

  // Called on the bus's thread, in publication order. The lock covers only copying the member
  // list, so streams opening and closing on I/O threads never wait for a whole fan-out.
  void deliver(const domain::HistoryItem& item) { offer(make_live_event(item, event_name)); }

  void deliver(const events::ChannelEvent& change) {
    offer(make_channel_event(change.channel, change.status));
  }

  // Every stream is offered it; only the owner's signed-in streams take it (LiveQueue::offer).
  void deliver(const domain::WatchMatch& match) { offer(make_watch_event(match)); }

  void offer(const LiveEventPtr& event) {
    std::vector<std::shared_ptr<LiveQueue>> recipients;
    {
      std::lock_guard lock(mutex);
      recipients.reserve(queues.size());
      for (const auto& [key, queue] : queues) recipients.push_back(queue);
    }
    for (const auto& queue : recipients) queue->offer(event);
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
  const LiveQueue* key = queue.get();
  std::lock_guard lock(members_->mutex);
  members_->queues.emplace(key, std::move(queue));
  return std::make_unique<events::ScopedSubscription>([members = members_, key] {
    std::lock_guard lock(members->mutex);
    members->queues.erase(key);
  });
}

}  // namespace nicecream::api

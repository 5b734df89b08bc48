#include "events/local/local_bus.hpp"

#include <cstdint>
#include <map>

namespace nicecream::events {

namespace {

// The listeners of one kind of event.
template <class Event>
struct ListenerSet {
  using Callback = std::function<void(const Event&)>;
  std::mutex mutex;
  std::uint64_t next_key = 0;
  std::map<std::uint64_t, Callback> by_key;

  std::map<std::uint64_t, Callback> snapshot() {
    std::lock_guard lock(mutex);
    return by_key;
  }
};

}  // namespace

struct LocalBus::Listeners {
  ListenerSet<domain::HistoryItem> items;
  ListenerSet<ChannelEvent> channels;
  ListenerSet<domain::WatchMatch> watches;
  // Publishing holds this, so a publisher never interleaves events with another publisher.
  std::mutex publish_mutex;
};

namespace {

template <class Event>
void publish_to(LocalBus::Listeners& listeners, ListenerSet<Event>& set, const Event& event) {
  std::lock_guard order(listeners.publish_mutex);
  for (auto& [key, listener] : set.snapshot()) listener(event);
}

// The subscription keeps `owner` (which holds `set`) alive, so it may outlive the bus.
template <class Event>
std::unique_ptr<Subscription> subscribe_to(std::shared_ptr<LocalBus::Listeners> owner,
                                           ListenerSet<Event>& set,
                                           typename ListenerSet<Event>::Callback listener) {
  std::lock_guard lock(set.mutex);
  const auto key = set.next_key++;
  set.by_key.emplace(key, std::move(listener));
  return std::make_unique<ScopedSubscription>([owner = std::move(owner), &set, key] {
    std::lock_guard lock(set.mutex);
    set.by_key.erase(key);
  });
}

}  // namespace

LocalBus::LocalBus() : listeners_(std::make_shared<Listeners>()) {}

void LocalBus::publish(const domain::HistoryItem& item) {
  publish_to(*listeners_, listeners_->items, item);
}

std::unique_ptr<Subscription> LocalBus::subscribe(Listener listener) {
  return subscribe_to(listeners_, listeners_->items, std::move(listener));
}

void LocalBus::publish_channel(const ChannelEvent& event) {
  publish_to(*listeners_, listeners_->channels, event);
}

std::unique_ptr<Subscription> LocalBus::subscribe_channels(ChannelListener listener) {
  return subscribe_to(listeners_, listeners_->channels, std::move(listener));
}

void LocalBus::publish_watch(const domain::WatchMatch& match) {
  publish_to(*listeners_, listeners_->watches, match);
}

std::unique_ptr<Subscription> LocalBus::subscribe_watches(WatchListener listener) {
  return subscribe_to(listeners_, listeners_->watches, std::move(listener));
}

}  // namespace nicecream::events

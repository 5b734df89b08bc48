#include "events/local/local_bus.hpp"

#include <cstdint>
#include <map>

namespace nicecream::events {

struct LocalBus::Listeners {
  std::mutex mutex;
  std::uint64_t next_key = 0;
  std::map<std::uint64_t, Listener> by_key;
  // Publishing holds this, so a publisher never interleaves items with another publisher.
  std::mutex publish_mutex;
};

LocalBus::LocalBus() : listeners_(std::make_shared<Listeners>()) {}

void LocalBus::publish(const domain::HistoryItem& item) {
  std::lock_guard order(listeners_->publish_mutex);
  std::map<std::uint64_t, Listener> snapshot;
  {
    std::lock_guard lock(listeners_->mutex);
    snapshot = listeners_->by_key;
  }
  for (auto& [key, listener] : snapshot) listener(item);
}

std::unique_ptr<Subscription> LocalBus::subscribe(Listener listener) {
  std::lock_guard lock(listeners_->mutex);
  const auto key = listeners_->next_key++;
  listeners_->by_key.emplace(key, std::move(listener));
  return std::make_unique<ScopedSubscription>([listeners = listeners_, key] {
    std::lock_guard lock(listeners->mutex);
    listeners->by_key.erase(key);
  });
}

}  // namespace nicecream::events

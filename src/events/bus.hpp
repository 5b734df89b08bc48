#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "domain/channel_status.hpp"
#include "domain/models.hpp"
#include "domain/watch.hpp"

namespace nicecream::events {

// Ends the subscription when destroyed.
class Subscription {
 public:
  virtual ~Subscription() = default;
};

// A subscription ended by running `end` (e.g. erasing a listener from its owner's list).
class ScopedSubscription final : public Subscription {
 public:
  explicit ScopedSubscription(std::function<void()> end) : end_(std::move(end)) {}
  ~ScopedSubscription() override { end_(); }
  ScopedSubscription(const ScopedSubscription&) = delete;
  ScopedSubscription& operator=(const ScopedSubscription&) = delete;

 private:
  std::function<void()> end_;
};

using Listener = std::function<void(const domain::HistoryItem&)>;

// A channel whose status changed (issue 14), with its new status; or, with `removed`, a channel
// that is gone (only `channel.id` is set): every process drops what it kept of it.
struct ChannelEvent {
  domain::Channel channel;
  domain::ChannelStatus status;
  bool removed = false;

  static ChannelEvent removal(domain::Id channel_id) {
    ChannelEvent event;
    event.channel.id = channel_id;
    event.status.channel_id = channel_id;
    event.removed = true;
    return event;
  }
};
using ChannelListener = std::function<void(const ChannelEvent&)>;
// A watch's claimed match (issue 15): each API process tells that user's streams.
using WatchListener = std::function<void(const domain::WatchMatch&)>;

// Carries new history items from whoever records them to every live stream. Listeners are called
// in publication order (on the publisher's thread for the local bus, on the subscriber thread for
// Redis) and must not block: they hand the item over to their stream's executor and return.
class Bus {
 public:
  virtual ~Bus() = default;
  virtual void publish(const domain::HistoryItem& item) = 0;
  [[nodiscard]] virtual std::unique_ptr<Subscription> subscribe(Listener listener) = 0;
  // Channel status changes, delivered like items (in order, on the same threads).
  virtual void publish_channel(const ChannelEvent& event) = 0;
  [[nodiscard]] virtual std::unique_ptr<Subscription> subscribe_channels(
      ChannelListener listener) = 0;
  // Watch matches, delivered like channel status changes (every process once, not caught up).
  virtual void publish_watch(const domain::WatchMatch& match) = 0;
  [[nodiscard]] virtual std::unique_ptr<Subscription> subscribe_watches(WatchListener listener) = 0;
  // Whether the connection the bus depends on is up now (readiness); nullopt for a bus that
  // needs none (in-process).
  virtual std::optional<bool> connected() const { return std::nullopt; }
};

}  // namespace nicecream::events

#pragma once

#include <memory>
#include <mutex>

#include "events/bus.hpp"

namespace nicecream::events {

// In-process fan-out: publish calls every listener on the publisher's thread, in order.
class LocalBus final : public Bus {
 public:
  LocalBus();
  void publish(const domain::HistoryItem& item) override;
  std::unique_ptr<Subscription> subscribe(Listener listener) override;
  void publish_channel(const ChannelEvent& event) override;
  std::unique_ptr<Subscription> subscribe_channels(ChannelListener listener) override;
  void publish_watch(const domain::WatchMatch& match) override;
  std::unique_ptr<Subscription> subscribe_watches(WatchListener listener) override;

  struct Listeners;  // shared with subscriptions so they may outlive the bus

 private:
  std::shared_ptr<Listeners> listeners_;
};

}  // namespace nicecream::events

#pragma once

#include <memory>
#include <string>

#include "api/live/live_stream.hpp"
#include "events/bus.hpp"

namespace nicecream::api {

// The process's one bus subscription for all of its SSE clients: each new item (and channel
// status change) is formatted once and offered to every open stream. With thousands of streams,
// a subscription each would mean thousands of listener calls and serialisations per item.
//
// The streams are split into as many groups as there are cores, each draining its own queue of
// events one handler at a time: an item is one handler per group, which walks the group's streams
// and writes to each (LiveQueue::offer), so the groups go out on all I/O threads at once while
// each stream still gets every item in publication order.
class LiveHub {
 public:
  // Events go out named `event_name` (Settings::live_event_name).
  LiveHub(events::Bus& bus, std::string event_name);

  // The queue receives every item published from now on, until the result is destroyed.
  [[nodiscard]] std::unique_ptr<events::Subscription> join(std::shared_ptr<LiveQueue> queue);

 private:
  struct Members;
  std::shared_ptr<Members> members_;
  std::unique_ptr<events::Subscription> subscription_;
  std::unique_ptr<events::Subscription> channel_subscription_;
  std::unique_ptr<events::Subscription> watch_subscription_;
};

}  // namespace nicecream::api

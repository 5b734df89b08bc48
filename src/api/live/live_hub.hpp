#pragma once

#include <chrono>
#include <cstddef>
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

// How long a group of `streams` waits after the first event of a burst before walking, so that the
// events right behind it go out in the same walk: a crawl round records its stations about a
// millisecond apart, and an event that misses a walk waits for the whole walk before its own
// begins. An eighth of the group's last walk costs the first event at most an eighth more, and
// each event gathered saves a walk. A group that walks in microseconds, or has few streams (whose
// walk time says little), does not wait; at most 5 ms.
std::chrono::steady_clock::duration live_gather_window(
    std::chrono::steady_clock::duration last_walk, std::size_t streams);

}  // namespace nicecream::api

#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "crawler/health.hpp"
#include "domain/models.hpp"

namespace nicecream::crawler {

using Clock = std::chrono::steady_clock;

struct ScheduledChannel {
  domain::Channel channel;
  Clock::time_point next_due;
  std::optional<Clock::time_point> started;  // set while a fetch is in flight
  std::optional<std::string> last_title;     // the latest title the store holds for it
  // The outcome (a failure reason, "" for success) the store last took from this crawler; empty
  // until its first write, so a channel taken over is written once (status_writer.hpp).
  std::optional<std::string> stored_outcome;
  Health health;
};

// Which channel is polled when. Each channel keeps its own time, so one that fails and backs off
// never delays the others. Pure: time comes in as arguments.
class Schedule {
 public:
  // Makes `channels` the set held: new ones are due at once; kept ones keep their timing, title
  // and health (a changed URL or format is due at once); the rest are dropped.
  void replace_channels(const std::vector<domain::Channel>& channels, Clock::time_point now);

  // Due channels not in flight, earliest first, at most `limit`; they are marked in flight.
  std::vector<ScheduledChannel*> take_due(Clock::time_point now, std::size_t limit);

  // The fetch in flight for `scheduled` ended; poll it again at `due_again`.
  void finish(ScheduledChannel& scheduled, Clock::time_point due_again);

  // The earliest time an idle channel is due.
  std::optional<Clock::time_point> next_due() const;

  std::size_t size() const { return channels_.size(); }
  ScheduledChannel* find(domain::Id channel_id);  // nothing once dropped

 private:
  void set_due(ScheduledChannel& scheduled, Clock::time_point due);
  void drop(std::map<domain::Id, ScheduledChannel>::iterator entry);

  std::map<domain::Id, ScheduledChannel> channels_;
  // The channels not in flight, by when they are due: the crawler asks after every transfer that
  // ends, so with thousands of channels a scan of them all each time was a quarter of its CPU.
  std::set<std::pair<Clock::time_point, domain::Id>> idle_by_due_;
};

}  // namespace nicecream::crawler

#pragma once

#include <functional>
#include <map>
#include <string_view>

#include "crawler/schedule.hpp"
#include "domain/channel_status.hpp"
#include "store/store.hpp"

namespace nicecream::crawler {

// Keeps each held channel's status in the store: a write when a poll's outcome differs from what
// the store last took from this crawler (and once after the channel is taken over, to learn
// whether the store agrees), never a write per poll. last_poll_at of the polls in between is kept
// here and written in one transaction by flush(), which the crawler calls at each lease refresh,
// so in the store it trails the last poll by at most that period.
class StatusWriter {
 public:
  // Told of every change the store took (the crawler publishes it as a `channel` event).
  using OnChange = std::function<void(const domain::Channel&, const domain::ChannelStatus&)>;

  StatusWriter(store::Store& store, OnChange on_change)
      : store_(store), on_change_(std::move(on_change)) {}

  // One poll's outcome: `reason` is one of the short reasons (failure_reason.hpp), empty on
  // success. Store errors propagate; the outcome is then written again after the next poll.
  void record(ScheduledChannel& scheduled, std::string_view reason);
  void flush();

 private:
  store::Store& store_;
  OnChange on_change_;
  std::map<domain::Id, domain::PollOutcome> unflushed_;
};

}  // namespace nicecream::crawler

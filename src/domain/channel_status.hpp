#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/models.hpp"

namespace nicecream::domain {

// Where a channel's polling stands. `pending`: no crawler has polled it yet (the store has no
// status row for it); `paused`: kept but not polled.
enum class ChannelState { pending, ok, failing, paused };

std::string_view to_string(ChannelState state);
std::optional<ChannelState> parse_channel_state(std::string_view name);

// A channel's current state. `since` is when this state began (for `failing`: when the open
// outage started, whichever crawler saw it first); `last_change_at` is the last write of state or
// error (a failing channel whose reason changes keeps `since`); `last_poll_at` trails the last
// poll by at most the crawler's flush period. All three are empty while pending.
struct ChannelStatus {
  Id channel_id = 0;
  ChannelState state = ChannelState::pending;
  std::optional<Timestamp> since;
  std::optional<Timestamp> last_poll_at;
  std::optional<Timestamp> last_change_at;
  std::string error;  // one of the short reasons; empty unless failing
};

// A time a channel could not be polled: open (no end) while it lasts.
struct Outage {
  Id id = 0;
  Id channel_id = 0;
  Timestamp started_at{};
  std::optional<Timestamp> ended_at;
  std::string reason;  // the reason it started with
};

// Outages that overlap [from, to) (an open one lasts until now), newest start first.
struct OutageQuery {
  std::optional<Id> channel_id;  // absent = all channels
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  int limit = 50;
};

// What one poll of a channel showed: an empty error is success.
struct PollOutcome {
  Id channel_id = 0;
  Timestamp at{};
  std::string error;

  bool failed() const { return !error.empty(); }
};

}  // namespace nicecream::domain

#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "events/bus.hpp"

namespace nicecream::events::redis {

// Channel status changes travel on a Redis channel of their own beside REDIS_CHANNEL, so that
// channel keeps carrying only history items in the contract's shape (what the original's
// processes, and anything else listening there, expect).
std::string channel_status_topic(std::string_view history_channel);

// A channel event as JSON: {origin, channel: {id, name, url, format, title_pointer, paused},
// status: {state, since, last_poll_at, last_change_at, error}}, or {origin, channel: {id},
// removed: true} for a removed channel (a process that predates removals logs it as no channel
// status and skips it, so a rolling upgrade is safe). `origin` names the publishing
// process, so that its own subscriber, which already delivered the event in-process, skips it.
std::string encode_channel_message(const ChannelEvent& event, std::string_view origin);

struct DecodedChannelMessage {
  std::optional<ChannelEvent> event;
  std::string origin;
  std::string error;  // why `event` is empty
};

// Reads what encode_channel_message wrote; anything else is an error, never an exception.
DecodedChannelMessage decode_channel_message(std::string_view text);

}  // namespace nicecream::events::redis

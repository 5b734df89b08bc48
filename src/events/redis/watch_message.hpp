#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/watch.hpp"

namespace nicecream::events::redis {

// Watch matches (issue 15) travel on a Redis channel of their own beside REDIS_CHANNEL, like
// channel status changes: every API process learns them and tells its own streams of that user.
std::string watch_topic(std::string_view history_channel);

// A match as JSON: {origin, watch_id, user_id, kind, value, channel_name, item: the history
// message's object}. `origin` names the publishing process, whose own subscriber skips it (it
// delivered the match in-process already).
std::string encode_watch_message(const domain::WatchMatch& match, std::string_view origin);

struct DecodedWatchMessage {
  std::optional<domain::WatchMatch> match;
  std::string origin;
  std::string error;  // why `match` is empty
};

// Reads what encode_watch_message wrote; anything else is an error, never an exception.
DecodedWatchMessage decode_watch_message(std::string_view text);

}  // namespace nicecream::events::redis

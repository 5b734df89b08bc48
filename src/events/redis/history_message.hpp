#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/models.hpp"

namespace nicecream::events::redis {

// A history item as the contract's JSON, as published on REDIS_CHANNEL: id, created_at (ISO 8601
// with +00:00), song_id, song_title, channel_id, and bookmark_id 0 (events go to everyone).
std::string encode_history_message(const domain::HistoryItem& item);

struct DecodedMessage {
  std::optional<domain::HistoryItem> item;
  std::string error;  // why `item` is empty
};

// Reads what encode_history_message wrote (and the original's naive UTC timestamps); anything
// else is an error, never an exception: messages come from whoever can publish on the channel.
DecodedMessage decode_history_message(std::string_view text);

}  // namespace nicecream::events::redis

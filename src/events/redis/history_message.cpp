#include "events/redis/history_message.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cstdint>
#include <limits>

#include "domain/timestamp.hpp"
#include "events/redis/message_json.hpp"

namespace nicecream::events::redis {

namespace {

std::optional<domain::Id> positive_id(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  if (!value) return std::nullopt;
  if (const auto* number = value->if_int64(); number && *number > 0) return *number;
  if (const auto* number = value->if_uint64();
      number && *number > 0 && *number <= std::numeric_limits<std::int64_t>::max())
    return static_cast<domain::Id>(*number);
  return std::nullopt;
}

DecodedMessage history_failure(std::string reason) {
  return {std::nullopt, std::move(reason)};
}

}  // namespace

std::string encode_history_message(const domain::HistoryItem& item) {
  const boost::json::object object{{"id", item.id},
                                   {"created_at", domain::format_timestamp(item.created_at)},
                                   {"song_id", item.song_id},
                                   {"song_title", item.song_title},
                                   {"channel_id", item.channel_id},
                                   {"bookmark_id", 0}};
  return boost::json::serialize(object);
}

DecodedMessage decode_history_message(std::string_view text) {
  const auto message = parse_message_object(text);
  if (!message.error.empty()) return history_failure(message.error);
  const auto* object = &message.object();

  domain::HistoryItem item;
  const auto id = positive_id(*object, "id");
  const auto song_id = positive_id(*object, "song_id");
  const auto channel_id = positive_id(*object, "channel_id");
  if (!id || !song_id || !channel_id)
    return history_failure("id, song_id and channel_id must be positive integers");
  const auto* title = text_field(*object, "song_title");
  if (!title) return history_failure("song_title must be a string");
  const auto* created_at = text_field(*object, "created_at");
  const auto at = created_at ? domain::parse_timestamp(*created_at) : std::nullopt;
  if (!at) return history_failure("created_at must be an ISO 8601 timestamp");
  return {domain::HistoryItem{*id, *at, *song_id, std::string(*title), *channel_id, 0}, {}};
}

}  // namespace nicecream::events::redis

#include "events/redis/watch_message.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "events/redis/history_message.hpp"
#include "events/redis/message_json.hpp"

namespace nicecream::events::redis {

namespace {

DecodedWatchMessage watch_failure(std::string reason) {
  return {std::nullopt, {}, std::move(reason)};
}

bool positive_id(const boost::json::object& object, std::string_view name, domain::Id& out) {
  const auto* value = object.if_contains(name);
  if (!value || !value->is_int64() || value->as_int64() <= 0) return false;
  out = value->as_int64();
  return true;
}

}  // namespace

std::string watch_topic(std::string_view history_channel) {
  return std::string(history_channel) + ":watch";
}

std::string encode_watch_message(const domain::WatchMatch& match, std::string_view origin) {
  const boost::json::object object{
      {"origin", origin},
      {"watch_id", match.watch_id},
      {"user_id", match.user_id},
      {"kind", match.kind},
      {"value", match.value},
      {"channel_name", match.channel_name},
      {"item", boost::json::parse(encode_history_message(match.item))}};
  return boost::json::serialize(object);
}

DecodedWatchMessage decode_watch_message(std::string_view text) {
  const auto message = parse_message_object(text);
  if (!message.error.empty()) return watch_failure(message.error);
  const auto& object = message.object();
  domain::WatchMatch match;
  const auto* origin = text_field(object, "origin");
  const auto* kind = text_field(object, "kind");
  const auto* value = text_field(object, "value");
  const auto* channel_name = text_field(object, "channel_name");
  const auto* item = object.if_contains("item");
  if (!origin || !kind || !value || !channel_name || !item || !item->is_object() ||
      !positive_id(object, "watch_id", match.watch_id) ||
      !positive_id(object, "user_id", match.user_id))
    return watch_failure(
        "origin, kind, value and channel_name strings, positive watch_id and user_id and an item "
        "object are required");
  auto decoded_item = decode_history_message(boost::json::serialize(*item));
  if (!decoded_item.item) return watch_failure("item: " + decoded_item.error);
  match.kind = std::string(*kind);
  match.value = std::string(*value);
  match.channel_name = std::string(*channel_name);
  match.item = std::move(*decoded_item.item);
  return {std::move(match), std::string(*origin), {}};
}

}  // namespace nicecream::events::redis

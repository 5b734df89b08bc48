#include "events/redis/channel_message.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "domain/timestamp.hpp"
#include "events/redis/message_json.hpp"

namespace nicecream::events::redis {

namespace {

boost::json::value optional_time(const std::optional<domain::Timestamp>& at) {
  if (!at) return nullptr;
  return boost::json::value(domain::format_timestamp(*at));
}

// Absent or null reads as empty; a string that is no timestamp is an error (false).
bool read_optional_time(const boost::json::object& object, std::string_view name,
                        std::optional<domain::Timestamp>& out) {
  const auto* value = object.if_contains(name);
  if (!value || value->is_null()) return true;
  const auto* text = value->if_string();
  if (!text) return false;
  out = domain::parse_timestamp(*text);
  return out.has_value();
}

bool read_channel(const boost::json::object& object, domain::Channel& channel) {
  const auto* id = object.if_contains("id");
  const auto* name = text_field(object, "name");
  const auto* url = text_field(object, "url");
  const auto* format = text_field(object, "format");
  const auto* pointer = text_field(object, "title_pointer");
  const auto* paused = object.if_contains("paused");
  if (!id || !id->is_int64() || id->as_int64() <= 0 || !name || !url || !format || !pointer ||
      !paused || !paused->is_bool())
    return false;
  channel = {.id = id->as_int64(),
             .name = std::string(*name),
             .url = std::string(*url),
             .format = std::string(*format),
             .title_pointer = std::string(*pointer),
             .paused = paused->get_bool()};
  return true;
}

bool read_status(const boost::json::object& object, domain::ChannelStatus& status) {
  const auto* state_name = text_field(object, "state");
  const auto state = state_name ? domain::parse_channel_state(*state_name) : std::nullopt;
  if (!state) return false;
  status.state = *state;
  if (const auto* error = text_field(object, "error")) status.error = std::string(*error);
  return read_optional_time(object, "since", status.since) &&
         read_optional_time(object, "last_poll_at", status.last_poll_at) &&
         read_optional_time(object, "last_change_at", status.last_change_at);
}

DecodedChannelMessage channel_failure(std::string reason) {
  return {std::nullopt, {}, std::move(reason)};
}

// {origin, channel: {id}, removed: true}
DecodedChannelMessage decode_removal(const boost::json::string* origin,
                                     const boost::json::value* channel,
                                     const boost::json::value& removed) {
  const auto* id =
      channel && channel->is_object() ? channel->get_object().if_contains("id") : nullptr;
  if (!origin || !removed.is_bool() || !removed.get_bool() || !id || !id->is_int64() ||
      id->as_int64() <= 0)
    return channel_failure("a removal needs origin, channel.id positive and removed true");
  return {ChannelEvent::removal(id->as_int64()), std::string(*origin), {}};
}

}  // namespace

std::string channel_status_topic(std::string_view history_channel) {
  return std::string(history_channel) + ":channel-status";
}

std::string encode_channel_message(const ChannelEvent& event, std::string_view origin) {
  if (event.removed)
    return boost::json::serialize(boost::json::object{
        {"origin", origin}, {"channel", {{"id", event.channel.id}}}, {"removed", true}});
  const auto& channel = event.channel;
  const auto& status = event.status;
  const boost::json::object object{{"origin", origin},
                                   {"channel",
                                    {{"id", channel.id},
                                     {"name", channel.name},
                                     {"url", channel.url},
                                     {"format", channel.format},
                                     {"title_pointer", channel.title_pointer},
                                     {"paused", channel.paused}}},
                                   {"status",
                                    {{"state", domain::to_string(status.state)},
                                     {"since", optional_time(status.since)},
                                     {"last_poll_at", optional_time(status.last_poll_at)},
                                     {"last_change_at", optional_time(status.last_change_at)},
                                     {"error", status.error}}}};
  return boost::json::serialize(object);
}

DecodedChannelMessage decode_channel_message(std::string_view text) {
  const auto message = parse_message_object(text);
  if (!message.error.empty()) return channel_failure(message.error);
  const auto* object = &message.object();
  const auto* origin = text_field(*object, "origin");
  const auto* channel = object->if_contains("channel");
  const auto* status = object->if_contains("status");
  if (const auto* removed = object->if_contains("removed"))
    return decode_removal(origin, channel, *removed);
  if (!origin || !channel || !channel->is_object() || !status || !status->is_object())
    return channel_failure("origin, channel and status are required");

  ChannelEvent event;
  if (!read_channel(channel->get_object(), event.channel))
    return channel_failure(
        "channel needs a positive id, name, url, format and title_pointer strings, paused a "
        "boolean");
  if (!read_status(status->get_object(), event.status))
    return channel_failure("status needs a known state and ISO 8601 times or null");
  event.status.channel_id = event.channel.id;
  return {std::move(event), std::string(*origin), {}};
}

}  // namespace nicecream::events::redis

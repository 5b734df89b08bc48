#include "api/common/json_views.hpp"

#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace json = boost::json;

json::object to_json(const domain::Channel& channel) {
  return {
      {"id", channel.id}, {"name", channel.name}, {"url", channel.url}, {"format", channel.format}};
}

json::object to_json(const domain::HistoryItem& item) {
  return {{"id", item.id},
          {"created_at", domain::format_timestamp(item.created_at)},
          {"song_id", item.song_id},
          {"song_title", item.song_title},
          {"channel_id", item.channel_id},
          {"bookmark_id", item.bookmark_id}};
}

json::object to_json(const domain::User& user) {
  return {{"id", user.id},
          {"sub", user.sub},
          {"picture", user.picture},
          {"given_name", user.given_name},
          {"family_name", user.family_name}};
}

json::object to_json(const domain::Bookmark& bookmark) {
  return {{"id", bookmark.id},
          {"created_at", domain::format_timestamp(bookmark.created_at)},
          {"song_id", bookmark.song_id},
          {"song_title", bookmark.song_title},
          {"user_id", bookmark.user_id}};
}

json::object to_json(const domain::ValidationErrors& errors) {
  json::object locations;
  for (const auto& [location, fields] : errors.entries()) {
    json::object by_field;
    for (const auto& [field, messages] : fields) {
      json::array list;
      for (const auto& message : messages) list.emplace_back(message);
      by_field[field] = std::move(list);
    }
    locations[location] = std::move(by_field);
  }
  return locations;
}

}  // namespace nicecream::api

#include "api/common/json_views.hpp"

#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace json = boost::json;

namespace {

// Null for a song or artist whose airings have all been removed (a channel purged).
json::value played_at(std::int64_t plays, domain::Timestamp at) {
  if (plays <= 0) return nullptr;
  return json::value(domain::format_timestamp(at));
}

}  // namespace

json::object to_json(const domain::Channel& channel) {
  return {
      {"id", channel.id}, {"name", channel.name}, {"url", channel.url}, {"format", channel.format}};
}

namespace {
json::value optional_time(const std::optional<domain::Timestamp>& at) {
  if (!at) return nullptr;
  return json::value(domain::format_timestamp(*at));
}
}  // namespace

json::object to_json(const domain::ChannelStatus& status) {
  const bool failing = status.state == domain::ChannelState::failing;
  return {{"state", domain::to_string(status.state)},
          {"since", optional_time(status.since)},
          {"last_poll_at", optional_time(status.last_poll_at)},
          {"last_change_at", optional_time(status.last_change_at)},
          {"error", failing ? json::value(status.error) : json::value(nullptr)}};
}

json::object to_json(const domain::Channel& channel, const domain::ChannelStatus& status) {
  auto object = to_json(channel);
  object["title_pointer"] = channel.title_pointer;
  object["paused"] = channel.paused;
  object["status"] = to_json(status);
  return object;
}

json::object to_json(const domain::Outage& outage) {
  return {{"started_at", domain::format_timestamp(outage.started_at)},
          {"ended_at", optional_time(outage.ended_at)},
          {"reason", outage.reason}};
}

json::object gap_to_json(const domain::Outage& outage) {
  auto object = to_json(outage);
  object["type"] = "gap";
  object["channel_id"] = outage.channel_id;
  return object;
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

json::object to_json(const domain::Watch& watch, std::string_view feed_url) {
  return {{"id", watch.id},
          {"kind", domain::watch_kind_name(watch.kind)},
          {"value", watch.value},
          {"song_id", watch.song_id ? json::value(*watch.song_id) : json::value(nullptr)},
          {"channel_id", watch.channel_id ? json::value(*watch.channel_id) : json::value(nullptr)},
          {"created_at", domain::format_timestamp(watch.created_at)},
          {"feed_url", feed_url}};
}

json::object to_json(const domain::WatchMatch& match) {
  return {{"watch_id", match.watch_id},
          {"kind", match.kind},
          {"value", match.value},
          {"item", to_json(match.item)}};
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

json::object to_json(const domain::SongSummary& song) {
  return {{"id", song.id},
          {"title", song.title},
          {"artist", song.artist},
          {"track", song.track},
          {"artist_id", song.artist_id ? json::value(*song.artist_id) : json::value(nullptr)},
          {"plays", song.plays},
          {"first_played_at", played_at(song.plays, song.first_played_at)},
          {"last_played_at", played_at(song.plays, song.last_played_at)}};
}

json::object to_json(const domain::ChannelPlays& plays) {
  return {{"channel_id", plays.channel_id},
          {"plays", plays.plays},
          {"last_played_at", domain::format_timestamp(plays.last_played_at)}};
}

json::object to_json(const domain::SongDetail& detail) {
  auto song = to_json(detail.song);
  song["channels"] = to_json(detail.channels);
  return song;
}

json::object to_json(const domain::ArtistSummary& artist) {
  return {{"id", artist.id},
          {"name", artist.name},
          {"songs", artist.songs},
          {"plays", artist.plays},
          {"last_played_at", played_at(artist.plays, artist.last_played_at)}};
}

json::object to_json(const domain::ArtistSong& song) {
  return {{"id", song.id},
          {"title", song.title},
          {"track", song.track},
          {"plays", song.plays},
          {"last_played_at", played_at(song.plays, song.last_played_at)}};
}

json::object to_json(const domain::ArtistDetail& detail) {
  return {{"id", detail.artist.id},
          {"name", detail.artist.name},
          {"songs", to_json(detail.songs)},
          {"plays", detail.artist.plays},
          {"last_played_at", played_at(detail.artist.plays, detail.artist.last_played_at)}};
}

json::array chart_to_json(const std::vector<domain::ChartEntry>& entries, domain::ChartSubject by) {
  const bool by_song = by == domain::ChartSubject::song;
  json::array array;
  array.reserve(entries.size());
  for (const auto& entry : entries) {
    json::object subject{{"id", entry.id}, {by_song ? "title" : "name", entry.name}};
    array.emplace_back(
        json::object{{"rank", entry.rank},
                     {"plays", entry.plays},
                     {"previous_rank", entry.previous_rank ? json::value(*entry.previous_rank)
                                                           : json::value(nullptr)},
                     {by_song ? "song" : "artist", std::move(subject)}});
  }
  return array;
}

}  // namespace nicecream::api

#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "domain/catalog.hpp"
#include "domain/channel_status.hpp"
#include "domain/models.hpp"
#include "domain/validation.hpp"
#include "domain/watch.hpp"

namespace nicecream::api {

// The contract's JSON for each resource; the one place field names are spelled.
boost::json::object to_json(const domain::Channel& channel);
// {state, since, last_poll_at, last_change_at, error}: times null while pending, error null
// unless failing.
boost::json::object to_json(const domain::ChannelStatus& status);
// The channel's fields plus `status`.
boost::json::object to_json(const domain::Channel& channel, const domain::ChannelStatus& status);
// {started_at, ended_at (null while it lasts), reason}.
boost::json::object to_json(const domain::Outage& outage);
// An outage in a history page: {type: "gap", channel_id, started_at, ended_at, reason}.
boost::json::object gap_to_json(const domain::Outage& outage);
boost::json::object to_json(const domain::HistoryItem& item);
boost::json::object to_json(const domain::User& user);
boost::json::object to_json(const domain::Bookmark& bookmark);
// {id, kind, value, song_id, channel_id (null when absent), created_at, feed_url}.
boost::json::object to_json(const domain::Watch& watch, std::string_view feed_url);
// The `event: watch` data: {watch_id, kind, value, item: the history item as live events send it}.
boost::json::object to_json(const domain::WatchMatch& match);
boost::json::object to_json(const domain::ValidationErrors& errors);
boost::json::object to_json(const domain::SongSummary& song);
boost::json::object to_json(const domain::ChannelPlays& plays);
boost::json::object to_json(const domain::SongDetail& detail);
boost::json::object to_json(const domain::ArtistSummary& artist);
boost::json::object to_json(const domain::ArtistSong& song);
boost::json::object to_json(const domain::ArtistDetail& detail);
// {rank, plays, previous_rank, song: {id, title}} or, by artist, artist: {id, name}.
boost::json::array chart_to_json(const std::vector<domain::ChartEntry>& entries,
                                 domain::ChartSubject by);

template <class Item>
boost::json::array to_json(const std::vector<Item>& items) {
  boost::json::array array;
  array.reserve(items.size());
  for (const auto& item : items) array.emplace_back(to_json(item));
  return array;
}

}  // namespace nicecream::api

#include "api/history/history_filters.hpp"

#include "domain/catalog.hpp"

namespace nicecream::api {

domain::HistoryQuery read_history_filters(QueryReader& reader) {
  domain::HistoryQuery query;
  query.channel_id = read_channel_filter(reader);
  query.song_id = reader.integer("song_id", {.min = 1});
  query.artist_id = reader.integer("artist_id", {.min = 1});
  query.text = reader.text("q", domain::kMaxSearchLength);
  const auto time = read_time_window(reader);
  query.from = time.from;
  query.to = time.to;
  return query;
}

}  // namespace nicecream::api

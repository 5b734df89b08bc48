#include <algorithm>
#include <limits>

#include "domain/pages.hpp"
#include "domain/song_title.hpp"
#include "store/postgres/engine.hpp"
#include "store/postgres/search.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

// With the viewer's bookmarks joined in, one query answers the whole page.
// `items` is where the items come from, as h.
std::string select_items(Params& params, std::optional<Id> viewer,
                         const std::string& items = "history AS h") {
  std::string sql =
      "SELECT h.id, " + micros("h.created_at") + ", h.song_id, s.title, h.channel_id, ";
  sql += viewer ? "coalesce(b.id, 0)" : "0";
  sql += " FROM " + items + " JOIN songs AS s ON s.id = h.song_id";
  if (viewer)
    sql += " LEFT JOIN bookmarks AS b ON b.user_id = " + params.add(*viewer) +
           " AND b.song_id = h.song_id";
  return sql;
}

const std::string kTimesFollowIds = "SELECT out_of_order = 0 FROM history_order";
const std::string kLatestId = "SELECT coalesce(max(id), 0) FROM history";
// Locking the channel row orders recorders of one channel; other channels are not held up.
const std::string kLockChannel = "SELECT id FROM channels WHERE id = $1 FOR NO KEY UPDATE";
// Held from taking a history id until commit, so ids become visible in id order across all
// recorders: live clients resume after the last id they saw and must never skip one that
// committed late. Only polls that insert take it.
const std::string kSerializeHistoryIds = "SELECT pg_advisory_xact_lock(4919204418306612001)";
const std::string kLatestTitle =
    "SELECT s.title FROM history AS h JOIN songs AS s ON s.id = h.song_id"
    " WHERE h.channel_id = $1 ORDER BY h.id DESC LIMIT 1";
const std::string kAddSong =
    "INSERT INTO songs (title, artist, track) VALUES ($1, $2, $3)"
    " ON CONFLICT (title) DO NOTHING RETURNING id";
const std::string kSongId = "SELECT id FROM songs WHERE title = $1";
const std::string kAddItem =
    "INSERT INTO history (created_at, song_id, channel_id) VALUES ($1::timestamptz, $2, $3)"
    " RETURNING id";
const std::string kFindSong = "SELECT id, title, artist, track FROM songs WHERE id = $1";
// The planner guesses that a LIKE matches a hundred titles where a prefix matches 9,000, and then
// hashes the matches against all 10 million airings and sorts them (3 s). Without hash and merge
// joins only the walk down the ids is left, and it stops once the page is full.
const std::string kWalkOnly =
    "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', "
    "true)";

std::vector<domain::HistoryItem> read_items(const Result& rows) {
  std::vector<domain::HistoryItem> items;
  items.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row)
    items.push_back({rows.int64(row, 0), rows.timestamp(row, 1), rows.int64(row, 2),
                     rows.text(row, 3), rows.int64(row, 4), rows.int64(row, 5)});
  return items;
}

// A concurrent recorder on another channel may insert the same title first; ON CONFLICT then
// waits for it and the lookup sees its committed row.
Id find_or_create_song(Connection& connection, std::string_view title) {
  const auto parts = domain::split_artist_and_track(title);
  const auto added = connection.query(kAddSong, title, parts.artist, parts.track);
  if (!added.empty()) return added.int64(0, 0);
  return connection.query(kSongId, title).int64(0, 0);
}

// The songs a page's text and artist filters select, as a condition on songs AS m; nothing when
// the text has no words (it matches nothing).
std::optional<std::string> songs_condition(Params& params, const domain::HistoryQuery& query) {
  std::optional<std::string> condition;
  if (query.text) {
    condition = title_has_words(params, *query.text, "m.search_text");
    if (!condition) return std::nullopt;
  }
  if (!query.artist_id) return condition;
  const auto of_artist = "m.artist_id = " + params.add(*query.artist_id);
  return condition ? *condition + " AND " + of_artist : of_artist;
}

// A text or artist filter's page: a few matching songs' airings come fastest from the song index,
// one song at a time; more are found by walking the history down and keeping the airings of
// matching songs, tested against the gathered matches when there are not too many to gather, else
// by looking up each airing's song and matching its title (5 µs an airing, but many matches fill a
// page within a few thousand airings). A prefix matching 2,500 of a million songs walks 20,000
// airings for a page of 50: 117 ms looked up, 21 ms gathered and tested.
std::string history_page_sql(Params& params, const domain::HistoryQuery& query,
                             const std::optional<MatchingSongs>& songs, bool by_time) {
  std::string filters;
  const bool by_song = songs && songs->count == MatchingSongs::Count::few;
  if (songs && songs->count == MatchingSongs::Count::some) {
    // "+ 0" here and below keeps history_song_id_id out: through it the planner would read every
    // airing of every match and sort them all (seconds for a prefix matching 9,000 songs); the
    // walk down the ids stops once the page is full. A constant array of more than a few ids is
    // tested through a hash of them.
    filters += " AND h.song_id + 0 = ANY(" + id_array(params, songs->ids) + ")";
  } else if (songs && !by_song) {
    // The planner guesses a LIKE to match few titles, hence the same "+ 0".
    const auto matches = songs_condition(params, query);
    filters += " AND h.song_id + 0 IN (SELECT m.id FROM songs AS m WHERE " + matches.value() + ")";
  }
  if (query.song_id) filters += " AND h.song_id = " + params.add(*query.song_id);
  if (query.channel_id) filters += " AND h.channel_id = " + params.add(*query.channel_id);
  if (query.from) filters += " AND h.created_at >= " + params.add(*query.from) + "::timestamptz";
  if (query.to) filters += " AND h.created_at < " + params.add(*query.to) + "::timestamptz";
  if (query.before) filters += " AND h.id < " + params.add(*query.before);
  const auto order = by_time ? " ORDER BY h.created_at DESC, h.id DESC" : " ORDER BY h.id DESC";
  const std::int64_t limit = std::clamp(query.limit, 0, domain::kMaxPageSize);
  const std::int64_t offset = std::max<std::int64_t>(query.offset, 0);
  const auto page = " LIMIT " + params.add(limit) + " OFFSET " + params.add(offset);
  // A deep page skips its offset on ids alone and joins the songs (and the viewer's bookmarks) of
  // its own rows only: joined, every airing skipped looked up its song (offset 3,000,000 of 10M
  // airings: 5-11 s against 0.13 s).
  if (!by_song && offset == 0)
    return select_items(params, query.viewer_user_id) + " WHERE true" + filters + order + page;
  if (!by_song)
    return select_items(params, query.viewer_user_id,
                        "(SELECT h.id FROM history AS h WHERE true" + filters + order + page +
                            ") AS p JOIN history AS h ON h.id = p.id") +
           order;
  // Each song's own first offset + limit airings hold the page (saturated: a huge offset must
  // not wrap into a negative LIMIT).
  const auto per_song = offset > std::numeric_limits<std::int64_t>::max() - limit
                            ? std::numeric_limits<std::int64_t>::max()
                            : offset + limit;
  // The page's ids first, then its rows: without other filters each song's newest ids are read
  // from history(song_id, id) alone, where whole rows cost a heap read per airing of every song
  // (141 against 8 ms for 900 songs at 1M).
  const std::string columns = by_time ? "h.id, h.created_at" : "h.id";
  const auto page_ids = "SELECT " + columns + " FROM unnest(" + id_array(params, songs->ids) +
                        ") AS m(id) CROSS JOIN LATERAL (SELECT " + columns +
                        " FROM history AS h WHERE h.song_id = m.id" + filters + order + " LIMIT " +
                        params.add(per_song) + ") AS h" + order + page;
  return select_items(params, query.viewer_user_id,
                      "(" + page_ids + ") AS p JOIN history AS h ON h.id = p.id") +
         order;
}

}  // namespace

std::vector<domain::HistoryItem> PostgresStore::list_history(const domain::HistoryQuery& query) {
  // Past this many matching airings, a page gathers every matching song: testing each airing
  // walked by looking up its title (5 µs) cost 6.3 s at offset 100,000 for a word in one title
  // of 15 at 10M airings, where gathering its 68,000 songs takes 50 ms and testing against them
  // 0.15 µs an airing (0.25 s in all).
  constexpr std::int64_t kGatherAllPast = 1000;
  const auto gathering = query.offset >= kGatherAllPast ? Gathering::all : Gathering::worthwhile;
  return with_connection([&](Connection& connection) -> std::vector<domain::HistoryItem> {
    std::optional<MatchingSongs> songs;  // when the page is filtered by text or artist
    if (query.text || query.artist_id) {
      Params song_params;
      const auto condition = songs_condition(song_params, query);
      if (!condition) return {};
      songs = matching_songs_where(connection, *condition, song_params, gathering);
      if (songs->none()) return {};
    }
    // Both orders are newest by id while times follow ids; the time order lets a window's page
    // be a seek in the created_at indexes instead of a walk down the ids to the window.
    const bool by_time =
        (query.from || query.to) && connection.exec(kTimesFollowIds).text(0, 0) == "t";
    Params params;
    const auto sql = history_page_sql(params, query, songs, by_time);
    return short_read(connection, [&] {
      if (songs && songs->count != MatchingSongs::Count::few) connection.exec(kWalkOnly);
      return read_items(connection.exec(sql, params.values()));
    });
  });
}

std::vector<domain::HistoryItem> PostgresStore::history_after(Id after_id,
                                                              std::optional<Id> channel_id,
                                                              int limit) {
  Params params;
  auto sql = select_items(params, std::nullopt) + " WHERE h.id > " + params.add(after_id);
  if (channel_id) sql += " AND h.channel_id = " + params.add(*channel_id);
  sql += " ORDER BY h.id LIMIT " + params.add(std::int64_t{std::max(limit, 0)});
  return with_connection(
      [&](Connection& connection) { return read_items(connection.exec(sql, params.values())); });
}

std::optional<domain::HistoryItem> PostgresStore::latest_history(Id channel_id) {
  Params params;
  const auto sql = select_items(params, std::nullopt) +
                   " WHERE h.channel_id = " + params.add(channel_id) +
                   " ORDER BY h.id DESC LIMIT 1";
  return with_connection([&](Connection& connection) -> std::optional<domain::HistoryItem> {
    auto items = read_items(connection.exec(sql, params.values()));
    if (items.empty()) return std::nullopt;
    return items.front();
  });
}

Id PostgresStore::latest_history_id() {
  return with_connection(
      [](Connection& connection) { return connection.exec(kLatestId).int64(0, 0); });
}

RecordOutcome PostgresStore::record_title(Id channel_id, std::string_view title,
                                          domain::Timestamp at) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&]() -> RecordOutcome {
      if (connection.query(kLockChannel, channel_id).empty())
        throw NotFound("channel " + std::to_string(channel_id) + " not found");
      const auto latest = connection.query(kLatestTitle, channel_id);
      if (!latest.empty() && latest.text(0, 0) == title) return {};
      const Id song_id = find_or_create_song(connection, title);
      connection.exec(kSerializeHistoryIds);
      const Id id = connection.query(kAddItem, at, song_id, channel_id).int64(0, 0);
      return {domain::HistoryItem{id, at, song_id, std::string(title), channel_id, 0}};
    });
  });
}

std::optional<domain::Song> PostgresStore::find_song(Id id) {
  return with_connection([&](Connection& connection) -> std::optional<domain::Song> {
    const auto rows = connection.query(kFindSong, id);
    if (rows.empty()) return std::nullopt;
    return domain::Song{rows.int64(0, 0), rows.text(0, 1), rows.text(0, 2), rows.text(0, 3)};
  });
}

}  // namespace nicecream::store::postgres

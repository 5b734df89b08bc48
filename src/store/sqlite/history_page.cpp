#include <algorithm>
#include <iterator>

#include "domain/pages.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/history_rows.hpp"
#include "store/sqlite/search_match.hpp"
#include "store/sqlite/sorted_ids.hpp"

// One page of history, newest first by id, with any of the filters. The SQL is assembled from the
// filters present and from a plan picked so that every page is a bounded walk of one index. The
// matching songs are those of the text, of the artist, or both:
// - few airings of the matching songs: read them through history(song_id, id) and sort;
// - many: walk newest first (ids, a channel's ids, or a time window) and keep the airings whose
//   song matches, which are then common, so the walk is short;
// - a time window, while the history is in time order (history_order): walk a created_at index,
//   which is then also id order, from the window's end.
namespace nicecream::store::sqlite {

namespace {

// Up to this many songs and airings, reading the songs' airings and sorting them beats walking.
constexpr std::int64_t kFewSongs = 1000;
constexpr std::int64_t kFewAirings = 20000;

const std::string kInTimeOrder = "SELECT out_of_order = 0 FROM history_order";
const std::string kArtistSongIds = "SELECT id FROM songs WHERE artist_id = ?1 ORDER BY id";
const std::string kSongOfArtist = "SELECT 1 FROM songs WHERE id = ?1 AND artist_id = ?2";

struct PagePlan {
  std::optional<std::string> match;   // FTS5 string for the text filter
  std::optional<SortedIds> matching;  // the matching songs, when a walk tests each airing
  std::optional<std::string> few;     // the few matching songs as a JSON array, read by song
  bool by_song = false;               // through history(song_id, id)
  bool by_time = false;               // through a created_at index, ordered by time
};

bool few_airings(Connection& connection, const SortedIds& songs) {
  if (static_cast<std::int64_t>(songs.ids.size()) > kFewSongs) return false;
  std::int64_t airings = 0;
  for (const Id song : songs.ids) {
    airings += song_plays(connection, song).value_or(0);
    if (airings > kFewAirings) return false;
  }
  return true;
}

// The ids as a JSON array: json_each hands them to the song index one by one.
std::string json_ids(const SortedIds& songs) {
  std::string json = "[";
  for (const Id song : songs.ids) {
    if (json.size() > 1) json += ',';
    json += std::to_string(song);
  }
  return json + "]";
}

SortedIds artist_song_ids(Connection& connection, Id artist_id) {
  SortedIds songs;
  auto rows = connection.prepare(kArtistSongIds);
  rows.bind_all(artist_id);
  while (rows.step()) songs.ids.push_back(rows.int64(0));
  return songs;
}

// The songs of the text filter, of the artist filter, or of both.
SortedIds matching_songs(Connection& connection, const domain::HistoryQuery& query,
                         const PagePlan& plan) {
  if (!query.artist_id) return matching_song_ids(connection, *plan.match);
  auto of_artist = artist_song_ids(connection, *query.artist_id);
  if (!plan.match) return of_artist;
  const auto of_text = matching_song_ids(connection, *plan.match);
  SortedIds both;
  std::set_intersection(of_text.ids.begin(), of_text.ids.end(), of_artist.ids.begin(),
                        of_artist.ids.end(), std::back_inserter(both.ids));
  return both;
}

bool song_of_artist(Connection& connection, Id song_id, Id artist_id) {
  auto row = connection.prepare(kSongOfArtist);
  row.bind_all(song_id, artist_id);
  return row.step();
}

bool in_time_order(Connection& connection) {
  auto row = connection.prepare(kInTimeOrder);
  return row.step() && row.int64(0) == 1;
}

PagePlan plan_page(Connection& connection, const domain::HistoryQuery& query) {
  PagePlan plan;
  if (query.text) plan.match = fts5_match(*query.text);
  if (query.song_id) {
    plan.by_song = true;
  } else if (plan.match || query.artist_id) {
    auto songs = matching_songs(connection, query, plan);
    plan.by_song = few_airings(connection, songs);
    if (plan.by_song)
      plan.few = json_ids(songs);
    else
      plan.matching = std::move(songs);
  }
  plan.by_time = !plan.by_song && (query.from || query.to) && in_time_order(connection);
  return plan;
}

std::string history_source(const PagePlan& plan) {
  return plan.by_song ? "history AS h INDEXED BY history_song_id_id" : "history AS h";
}

std::string text_condition(const PagePlan& plan) {
  // Many songs: each airing of the walk is tested against the list gathered for the plan (a
  // correlated MATCH per airing would run the whole search again for every row walked).
  if (plan.matching) return " AND nicecream_in_ids(h.song_id, :matching)";
  // Few songs: the list the plan gathered, which the song index is read with (not the search
  // again: a prefix merges the lists of every word it begins).
  if (plan.few) return " AND h.song_id IN (SELECT value FROM json_each(:few))";
  if (!plan.match) return "";
  // One song asked for by id: whether it matches.
  return " AND h.song_id IN (SELECT rowid FROM songs_search WHERE songs_search MATCH :match)";
}

std::string order_of(const PagePlan& plan) {
  return plan.by_time ? " ORDER BY h.created_at DESC, h.id DESC" : " ORDER BY h.id DESC";
}

// The page's filters, order, limit and offset, after "WHERE 1".
std::string page_conditions(const domain::HistoryQuery& query, const PagePlan& plan) {
  std::string sql;
  if (query.channel_id) sql += " AND h.channel_id = :channel";
  if (query.song_id) sql += " AND h.song_id = :song";
  if (query.from) sql += " AND h.created_at >= :from";
  if (query.to) sql += " AND h.created_at < :to";
  if (query.before) sql += " AND h.id < :before";
  // In time order, "before an id" is also "not later than the airing just before it", which
  // turns keyset pages inside a window into index ranges.
  if (query.before && plan.by_time)
    sql +=
        " AND h.created_at <= (SELECT created_at FROM history WHERE id < :before"
        " ORDER BY id DESC LIMIT 1)";
  sql += text_condition(plan);
  return sql + order_of(plan) + " LIMIT :limit OFFSET :offset";
}

std::string page_sql(const domain::HistoryQuery& query, const PagePlan& plan) {
  const bool with_viewer = query.viewer_user_id.has_value();
  if (query.offset <= 0 && !plan.few)
    return select_items(with_viewer, history_source(plan)) + " WHERE 1" +
           page_conditions(query, plan);
  // A deep page skips its offset on ids alone, then joins the songs (and the viewer's bookmarks)
  // of its own rows: joined, every airing skipped looked up its song (offset 9,000,000 of 10M
  // airings: 15-17 s against 0.12 s). So does a page of a few songs' airings, which are sorted
  // before the page is cut: joined, each was read whole first (the most played artist's 10,000
  // airings at 10M: 16 ms against 0.3).
  const auto page_ids =
      "SELECT h.id FROM " + history_source(plan) + " WHERE 1" + page_conditions(query, plan);
  return select_items(with_viewer,
                      "(" + page_ids + ") AS page CROSS JOIN history AS h ON h.id = page.id") +
         order_of(plan);
}

void bind_filters(Statement& rows, const domain::HistoryQuery& query, const PagePlan& plan) {
  if (query.viewer_user_id) rows.bind_named(":viewer", *query.viewer_user_id);
  if (query.channel_id) rows.bind_named(":channel", *query.channel_id);
  if (query.song_id) rows.bind_named(":song", *query.song_id);
  if (query.from) rows.bind_named(":from", *query.from);
  if (query.to) rows.bind_named(":to", *query.to);
  if (query.before) rows.bind_named(":before", *query.before);
  if (plan.matching)
    rows.bind_named(":matching", *plan.matching);
  else if (plan.few)
    rows.bind_named(":few", *plan.few);
  else if (plan.match)
    rows.bind_named(":match", *plan.match);
  rows.bind_named(":limit", std::int64_t{std::clamp(query.limit, 0, domain::kMaxPageSize)});
  rows.bind_named(":offset", std::max<std::int64_t>(query.offset, 0));
}

std::vector<domain::HistoryItem> read_page(Connection& connection,
                                           const domain::HistoryQuery& query) {
  // A song asked for with an artist that is not its own has no airings to page through.
  if (query.song_id && query.artist_id &&
      !song_of_artist(connection, *query.song_id, *query.artist_id))
    return {};
  const auto plan = plan_page(connection, query);
  // A text with no word in it (only punctuation or spaces) matches nothing.
  if (query.text && !plan.match) return {};
  auto rows = connection.prepare(page_sql(query, plan));
  bind_filters(rows, query, plan);
  return read_items(rows);
}

}  // namespace

std::vector<domain::HistoryItem> SqliteStore::list_history(const domain::HistoryQuery& query) {
  return read_page(*connection(), query);
}

std::vector<domain::HistoryItem> SqliteStore::scan_history(const domain::HistoryQuery& query) {
  return read_page(*scan_pool_.acquire(), query);
}

}  // namespace nicecream::store::sqlite

#include <algorithm>

#include "domain/pages.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/history_rows.hpp"
#include "store/sqlite/search_match.hpp"

// One page of history, newest first by id, with any of the filters. The SQL is assembled from the
// filters present and from a plan picked so that every page is a bounded walk of one index:
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

const std::string kMatchedAirings =
    "SELECT count(*), coalesce(sum(p.plays), 0)"
    " FROM (SELECT rowid AS id FROM songs_search WHERE songs_search MATCH ?1 LIMIT ?2) AS m"
    " LEFT JOIN song_plays AS p ON p.song_id = m.id";
const std::string kInTimeOrder = "SELECT out_of_order = 0 FROM history_order";

struct PagePlan {
  std::optional<std::string> match;  // FTS5 string for the text filter
  bool by_song = false;              // through history(song_id, id)
  bool by_time = false;              // through a created_at index, ordered by time
};

bool few_airings(Connection& connection, const std::string& match) {
  auto counts = connection.prepare(kMatchedAirings);
  counts.bind_all(match, kFewSongs + 1).step();
  return counts.int64(0) <= kFewSongs && counts.int64(1) <= kFewAirings;
}

bool in_time_order(Connection& connection) {
  auto row = connection.prepare(kInTimeOrder);
  return row.step() && row.int64(0) == 1;
}

PagePlan plan_page(Connection& connection, const domain::HistoryQuery& query) {
  PagePlan plan;
  if (query.text) plan.match = fts5_match(*query.text);
  plan.by_song = query.song_id || (plan.match && few_airings(connection, *plan.match));
  plan.by_time = !plan.by_song && (query.from || query.to) && in_time_order(connection);
  return plan;
}

std::string history_source(const PagePlan& plan) {
  return plan.by_song ? "history AS h INDEXED BY history_song_id_id" : "history AS h";
}

std::string text_condition(const PagePlan& plan) {
  if (!plan.match) return "";
  // Few songs: an IN list the song index is read with. Many: the matching songs are gathered
  // once into a lookup table and each airing of the walk is checked against it (the unary `+`
  // keeps the planner from reading the song index instead); a correlated MATCH per airing would
  // run the whole search again for every row walked.
  const std::string matching =
      " IN (SELECT rowid FROM songs_search WHERE songs_search MATCH :match)";
  return (plan.by_song ? " AND h.song_id" : " AND +h.song_id") + matching;
}

std::string page_sql(const domain::HistoryQuery& query, const PagePlan& plan) {
  auto sql = select_items(query.viewer_user_id.has_value(), history_source(plan)) + " WHERE 1";
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
  sql += plan.by_time ? " ORDER BY h.created_at DESC, h.id DESC" : " ORDER BY h.id DESC";
  return sql + " LIMIT :limit OFFSET :offset";
}

void bind_filters(Statement& rows, const domain::HistoryQuery& query, const PagePlan& plan) {
  if (query.viewer_user_id) rows.bind_named(":viewer", *query.viewer_user_id);
  if (query.channel_id) rows.bind_named(":channel", *query.channel_id);
  if (query.song_id) rows.bind_named(":song", *query.song_id);
  if (query.from) rows.bind_named(":from", *query.from);
  if (query.to) rows.bind_named(":to", *query.to);
  if (query.before) rows.bind_named(":before", *query.before);
  if (plan.match) rows.bind_named(":match", *plan.match);
  rows.bind_named(":limit", std::int64_t{std::clamp(query.limit, 0, domain::kMaxPageSize)});
  rows.bind_named(":offset", std::max<std::int64_t>(query.offset, 0));
}

std::vector<domain::HistoryItem> read_page(Connection& connection,
                                           const domain::HistoryQuery& query) {
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

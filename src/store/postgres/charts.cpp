#include <algorithm>

#include "store/postgres/engine.hpp"
#include "store/postgres/slots.hpp"

// Charts from the quarter-hour rollups (never history): plays in [from, to) summed per song or
// artist, ranked by plays, then the latest slot played in the window, then the lower id; the
// previous rank comes from the window of the same length just before.
namespace nicecream::store::postgres {

namespace {

struct Subject {
  const char* rollup;  // quarter-hour plays table
  const char* key;     // its subject column
  const char* names;   // the subject's table, joined by id
  const char* name;    // the name column in it
};

constexpr Subject kSongs{"song_slot_plays", "song_id", "songs", "title"};
constexpr Subject kArtists{"artist_slot_plays", "artist_id", "artists", "name"};

// The top `limit` of one window, with their ranks, as a subquery.
std::string ranked_window(const Subject& subject, const std::string& first_slot,
                          const std::string& end_slot, const std::string& channel,
                          const std::string& limit) {
  std::string sql =
      "SELECT id, plays, row_number() OVER (ORDER BY plays DESC, latest DESC, id)"
      " AS rank FROM (SELECT " +
      std::string(subject.key) + " AS id, sum(plays) AS plays, max(slot) AS latest FROM " +
      subject.rollup + " WHERE slot >= " + first_slot + " AND slot < " + end_slot;
  if (!channel.empty()) sql += " AND channel_id = " + channel;
  return sql + " GROUP BY 1 ORDER BY plays DESC, latest DESC, id LIMIT " + limit + ") AS top";
}

}  // namespace

std::vector<domain::ChartEntry> PostgresStore::chart(const domain::ChartQuery& query) {
  const auto& subject = query.by == domain::ChartSubject::song ? kSongs : kArtists;
  const std::int64_t first = first_slot_from(query.from);
  const std::int64_t end = first_slot_from(query.to);
  const int limit = std::clamp(query.limit, 0, domain::kMaxChartSize);
  if (end <= first || limit == 0) return {};

  Params params;
  const auto first_param = params.add(first);
  const auto end_param = params.add(end);
  const auto previous_param = params.add(first - (end - first));
  const auto channel = query.channel_id ? params.add(*query.channel_id) : std::string();
  const auto limit_param = params.add(std::int64_t{limit});
  const std::string sql =
      "SELECT cur.rank, cur.plays, prev.rank, cur.id, n." + std::string(subject.name) + " FROM (" +
      ranked_window(subject, first_param, end_param, channel, limit_param) +
      ") AS cur LEFT JOIN (" +
      ranked_window(subject, previous_param, first_param, channel, limit_param) +
      ") AS prev ON prev.id = cur.id JOIN " + subject.names + " AS n ON n.id = cur.id" +
      " ORDER BY cur.rank";
  return with_connection([&](Connection& connection) {
    const auto rows = connection.exec(sql, params.values());
    std::vector<domain::ChartEntry> entries;
    for (int row = 0; row < rows.rows(); ++row) {
      domain::ChartEntry entry{static_cast<int>(rows.int64(row, 0)), rows.int64(row, 1),
                               std::nullopt, rows.int64(row, 3), rows.text(row, 4)};
      if (!rows.is_null(row, 2)) entry.previous_rank = static_cast<int>(rows.int64(row, 2));
      entries.push_back(std::move(entry));
    }
    return entries;
  });
}

}  // namespace nicecream::store::postgres

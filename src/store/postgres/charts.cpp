#include <algorithm>
#include <limits>

#include "store/postgres/engine.hpp"
#include "store/postgres/slots.hpp"

// Charts from the quarter-hour rollups (never history): plays in [from, to) summed per song or
// artist, ranked by plays, then the latest slot played in the window, then the lower id; the
// previous rank comes from the window of the same length just before.
//
// Two ways to the same answer. A short window sums its slots (a range of the slot index). A long
// one walks down the totals (song_plays / artist_plays, most played first), summing each
// subject's own slots in both windows: nobody can play more in a window than in total, so once
// the batch's lowest total is below the k-th best of both windows, nobody further down can enter
// either top k. When the walk finds no such point soon (a quiet window), the sum answers.
namespace nicecream::store::postgres {

namespace {

struct Subject {
  std::string rollup;  // quarter-hour plays
  std::string key;     // its subject column
  std::string totals;  // all-time plays of each subject, with an index most played first
  std::string names;   // the subject's table, joined by id
  std::string name;    // the name column in it
};

const Subject kSongs{"song_slot_plays", "song_id", "song_plays", "songs", "title"};
const Subject kArtists{"artist_slot_plays", "artist_id", "artist_plays", "artists", "name"};

// Windows longer than this are walked; a week or a month sums fewer rows than a walk reads.
constexpr std::int64_t kLongestSummedSlots = 31 * 24 * 4;
constexpr int kWalkBatch = 500;
constexpr int kWalkLimit = 8000;  // subjects walked before giving up for the sum

struct Standing {
  Id id = 0;
  std::int64_t plays = 0;
  std::int64_t latest = 0;  // slot
};

bool ahead(const Standing& a, const Standing& b) {
  if (a.plays != b.plays) return a.plays > b.plays;
  if (a.latest != b.latest) return a.latest > b.latest;
  return a.id < b.id;
}

void keep_top(std::vector<Standing>& standings, std::size_t limit) {
  std::sort(standings.begin(), standings.end(), ahead);
  if (standings.size() > limit) standings.resize(limit);
}

struct Window {
  std::int64_t first = 0;  // slots [first, end)
  std::int64_t end = 0;
};

struct ChartPlan {
  const Subject& subject;
  Window current;
  Window previous;
  std::optional<Id> channel;
  std::size_t limit = 0;
};

std::string in_window(Params& params, const ChartPlan& plan, const Window& window) {
  std::string sql = "slot >= " + params.add(window.first) + " AND slot < " + params.add(window.end);
  if (plan.channel) sql += " AND channel_id = " + params.add(*plan.channel);
  return sql;
}

std::vector<Standing> summed_top(Connection& connection, const ChartPlan& plan,
                                 const Window& window) {
  Params params;
  const std::string sql = "SELECT " + plan.subject.key +
                          ", sum(plays) AS plays, max(slot) AS latest"
                          " FROM " +
                          plan.subject.rollup + " WHERE " + in_window(params, plan, window) +
                          " GROUP BY 1 ORDER BY plays DESC, latest DESC, 1 LIMIT " +
                          params.add(static_cast<std::int64_t>(plan.limit));
  const auto rows = connection.exec(sql, params.values());
  std::vector<Standing> top;
  for (int row = 0; row < rows.rows(); ++row)
    top.push_back({rows.int64(row, 0), rows.int64(row, 1), rows.int64(row, 2)});
  return top;
}

// One batch of the walk: the next subjects by total, with their plays in both windows.
std::string walk_batch(Params& params, const ChartPlan& plan, const Standing& after) {
  const auto& s = plan.subject;
  const auto total = params.add(after.plays);
  const auto window_sum = [&](const Window& window) {
    return "(SELECT coalesce(sum(plays), 0) AS plays, coalesce(max(slot), 0) AS latest FROM " +
           s.rollup + " AS r WHERE r." + s.key + " = c.id AND " + in_window(params, plan, window) +
           ")";
  };
  return "SELECT c.id, c.total, cur.plays, cur.latest, prev.plays, prev.latest FROM (SELECT " +
         s.key + " AS id, plays AS total FROM " + s.totals + " WHERE plays <= " + total +
         " AND (plays < " + total + " OR " + s.key + " > " + params.add(after.id) +
         ") ORDER BY plays DESC, " + s.key + " LIMIT " + params.add(std::int64_t{kWalkBatch}) +
         ") AS c CROSS JOIN LATERAL " + window_sum(plan.current) + " AS cur CROSS JOIN LATERAL " +
         window_sum(plan.previous) + " AS prev ORDER BY c.total DESC, c.id";
}

// Whether someone with at most `bound` plays in all could still enter `top`.
bool could_enter(const std::vector<Standing>& top, std::size_t limit, std::int64_t bound) {
  if (bound <= 0) return false;
  return top.size() < limit || top.back().plays <= bound;
}

using Tops = std::pair<std::vector<Standing>, std::vector<Standing>>;

std::optional<Tops> walked_tops(Connection& connection, const ChartPlan& plan) {
  Tops tops;
  Standing after{0, std::numeric_limits<std::int64_t>::max(), 0};
  for (int walked = 0; walked < kWalkLimit; walked += kWalkBatch) {
    Params params;
    const auto sql = walk_batch(params, plan, after);
    const auto rows = connection.exec(sql, params.values());
    for (int row = 0; row < rows.rows(); ++row) {
      const Id id = rows.int64(row, 0);
      if (const auto plays = rows.int64(row, 2))
        tops.first.push_back({id, plays, rows.int64(row, 3)});
      if (const auto plays = rows.int64(row, 4))
        tops.second.push_back({id, plays, rows.int64(row, 5)});
      after = {id, rows.int64(row, 1), 0};
    }
    keep_top(tops.first, plan.limit);
    keep_top(tops.second, plan.limit);
    if (rows.rows() < kWalkBatch) return tops;  // everyone walked
    if (!could_enter(tops.first, plan.limit, after.plays) &&
        !could_enter(tops.second, plan.limit, after.plays))
      return tops;
  }
  return std::nullopt;
}

Tops chart_tops(Connection& connection, const ChartPlan& plan) {
  if (plan.current.end - plan.current.first > kLongestSummedSlots) {
    if (auto tops = walked_tops(connection, plan)) return std::move(*tops);
  }
  return {summed_top(connection, plan, plan.current), summed_top(connection, plan, plan.previous)};
}

std::vector<domain::ChartEntry> ranked(Connection& connection, const ChartPlan& plan,
                                       const Tops& tops) {
  std::string ids;
  for (const auto& standing : tops.first) {
    if (!ids.empty()) ids += ',';
    ids += std::to_string(standing.id);
  }
  const auto names = connection.query("SELECT id, " + plan.subject.name + " FROM " +
                                          plan.subject.names + " WHERE id = ANY($1::bigint[])",
                                      "{" + ids + "}");
  std::vector<domain::ChartEntry> entries;
  for (std::size_t i = 0; i < tops.first.size(); ++i) {
    const auto& standing = tops.first[i];
    domain::ChartEntry entry{static_cast<int>(i + 1), standing.plays, std::nullopt, standing.id,
                             ""};
    for (int row = 0; row < names.rows(); ++row)
      if (names.int64(row, 0) == standing.id) entry.name = names.text(row, 1);
    const auto& previous = tops.second;
    const auto before = std::find_if(previous.begin(), previous.end(),
                                     [&](const Standing& p) { return p.id == standing.id; });
    if (before != previous.end())
      entry.previous_rank = static_cast<int>(before - previous.begin() + 1);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::vector<domain::ChartEntry> PostgresStore::chart(const domain::ChartQuery& query) {
  const std::int64_t first = first_slot_from(query.from);
  const std::int64_t end = first_slot_from(query.to);
  const int limit = std::clamp(query.limit, 0, domain::kMaxChartSize);
  if (end <= first || limit == 0) return {};
  const ChartPlan plan{query.by == domain::ChartSubject::song ? kSongs : kArtists,
                       {first, end},
                       {first - (end - first), first},
                       query.channel_id,
                       static_cast<std::size_t>(limit)};
  return with_connection([&](Connection& connection) {
    return ranked(connection, plan, chart_tops(connection, plan));
  });
}

}  // namespace nicecream::store::postgres

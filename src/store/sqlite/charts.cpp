#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "store/sqlite/catalog_rows.hpp"
#include "store/sqlite/engine.hpp"

// Charts: songs or artists ranked by plays in a window of quarter-hour slots, from the slot
// rollups, never from history. Two ways to the same ranking:
// - short windows: add up the window's slots (an index range on slot);
// - long windows: walk songs (or artists) down their total plays and count each one's plays in
//   the window from its own slots; a total bounds every window, so once the last charted count
//   beats the next total nothing further down can enter. A walk that would run long gives way to
//   the sum.
namespace nicecream::store::sqlite {

namespace {

// Below this the window's slots are few enough to add up directly.
constexpr std::chrono::hours kShortWindow{24 * 31};
// Candidates a walk may look at before the sum is cheaper.
constexpr int kWalkBudget = 3000;

// The tables of one chart subject; names are fixed strings, never input.
struct Subject {
  const char* slot_table;   // (id, slot, channel_id, plays)
  const char* id_column;    // of the slot and total tables
  const char* totals;       // SELECT id, plays ordered by plays DESC
  const char* name_lookup;  // SELECT name WHERE id = ?1
};

// The all-channel totals also bound a channel's plays: no per-channel index to keep up to date on
// every recording for the rarer channel charts.
const Subject kSongs{"song_slot_plays", "song_id",
                     "SELECT song_id, plays FROM song_plays ORDER BY plays DESC, song_id DESC",
                     "SELECT title FROM songs WHERE id = ?1"};
const Subject kArtists{
    "artist_slot_plays", "artist_id",
    "SELECT artist_id, plays FROM artist_plays ORDER BY plays DESC, artist_id DESC",
    "SELECT name FROM artists WHERE id = ?1"};

const Subject& subject_of(const domain::ChartQuery& query) {
  return query.by == domain::ChartSubject::artist ? kArtists : kSongs;
}

struct Window {
  std::int64_t first_slot = 0;
  std::int64_t end_slot = 0;  // exclusive
  std::optional<Id> channel_id;
  std::int64_t limit = 0;
  bool short_window = false;
};

struct Ranked {
  Id id = 0;
  std::int64_t plays = 0;
  std::int64_t last_slot = 0;
};

// Most plays first, then the most recently played, then the lowest id.
bool ranks_before(const Ranked& a, const Ranked& b) {
  if (a.plays != b.plays) return a.plays > b.plays;
  if (a.last_slot != b.last_slot) return a.last_slot > b.last_slot;
  return a.id < b.id;
}

std::string channel_condition(const Window& window) {
  return window.channel_id ? " AND channel_id = :channel" : "";
}

std::string window_sum_sql(const Subject& subject, const Window& window) {
  const std::string id = subject.id_column;
  return "SELECT " + id + ", sum(plays) AS total, max(slot) AS last FROM " + subject.slot_table +
         " WHERE slot >= :first AND slot < :end" + channel_condition(window) + " GROUP BY " + id +
         " ORDER BY total DESC, last DESC, " + id + " LIMIT :limit";
}

std::string one_subject_sql(const Subject& subject, const Window& window) {
  return std::string("SELECT coalesce(sum(plays), 0), coalesce(max(slot), 0) FROM ") +
         subject.slot_table + " WHERE " + subject.id_column +
         " = :id AND slot >= :first AND slot < :end" + channel_condition(window);
}

void bind_window(Statement& statement, const Window& window) {
  statement.bind_named(":first", window.first_slot).bind_named(":end", window.end_slot);
  if (window.channel_id) statement.bind_named(":channel", *window.channel_id);
}

std::vector<Ranked> sum_window(Connection& connection, const Subject& subject,
                               const Window& window) {
  auto rows = connection.prepare(window_sum_sql(subject, window));
  bind_window(rows, window);
  rows.bind_named(":limit", window.limit);
  std::vector<Ranked> ranked;
  while (rows.step()) ranked.push_back({rows.int64(0), rows.int64(1), rows.int64(2)});
  return ranked;
}

void keep_best(std::vector<Ranked>& best, const Ranked& candidate, std::size_t limit) {
  if (candidate.plays == 0) return;
  best.insert(std::upper_bound(best.begin(), best.end(), candidate, ranks_before), candidate);
  if (best.size() > limit) best.pop_back();
}

// Nothing when the walk would take longer than its budget.
std::optional<std::vector<Ranked>> walk_totals(Connection& connection, const Subject& subject,
                                               const Window& window) {
  const auto limit = static_cast<std::size_t>(window.limit);
  auto totals = connection.prepare(subject.totals);
  const auto count_sql = one_subject_sql(subject, window);
  std::vector<Ranked> best;
  for (int looked = 0; totals.step(); ++looked) {
    const auto total = totals.int64(1);
    // Strictly: an equal count could still win on recency.
    if (best.size() == limit && best.back().plays > total) return best;
    if (looked == kWalkBudget) return std::nullopt;
    auto count = connection.prepare(count_sql);
    count.bind_named(":id", totals.int64(0));
    bind_window(count, window);
    count.step();
    keep_best(best, {totals.int64(0), count.int64(0), count.int64(1)}, limit);
  }
  return best;
}

std::vector<Ranked> rank(Connection& connection, const Subject& subject, const Window& window) {
  if (window.limit == 0 || window.first_slot >= window.end_slot) return {};
  if (!window.short_window) {
    if (auto walked = walk_totals(connection, subject, window)) return *walked;
  }
  return sum_window(connection, subject, window);
}

std::vector<domain::ChartEntry> named_entries(Connection& connection, const Subject& subject,
                                              const std::vector<Ranked>& ranked,
                                              const std::vector<Ranked>& previous) {
  std::unordered_map<Id, int> previous_rank;
  for (std::size_t i = 0; i < previous.size(); ++i)
    previous_rank.emplace(previous[i].id, static_cast<int>(i) + 1);
  std::vector<domain::ChartEntry> entries;
  for (const auto& row : ranked) {
    domain::ChartEntry entry{static_cast<int>(entries.size()) + 1, row.plays, std::nullopt, row.id,
                             ""};
    if (const auto found = previous_rank.find(row.id); found != previous_rank.end())
      entry.previous_rank = found->second;
    auto name = connection.prepare(subject.name_lookup);
    if (name.bind_all(row.id).step()) entry.name = name.text(0);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::vector<domain::ChartEntry> SqliteStore::chart(const domain::ChartQuery& query) {
  const auto& subject = subject_of(query);
  const auto length = query.to - query.from;
  const Window current{slot_from(query.from), slot_from(query.to), query.channel_id,
                       std::clamp(query.limit, 0, domain::kMaxChartSize), length < kShortWindow};
  Window previous = current;
  previous.first_slot = slot_from(query.from - length);
  previous.end_slot = current.first_slot;
  auto lease = connection();
  const auto ranked = rank(*lease, subject, current);
  if (ranked.empty()) return {};
  return named_entries(*lease, subject, ranked, rank(*lease, subject, previous));
}

}  // namespace nicecream::store::sqlite

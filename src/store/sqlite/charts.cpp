#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "store/sqlite/catalog_rows.hpp"
#include "store/sqlite/engine.hpp"
#include "store/window_rows.hpp"

// Charts: songs or artists ranked by plays in a window of quarter-hour slots, from the rollups,
// never from history. A subject's plays in a window are its whole weeks (week rollup) plus the
// slots before the first and after the last whole week (slot rollup). Two ways to the ranking:
// - short windows: read each week and channel of the window most played first, in bands of plays
//   (every list down to the same level at a time), which bound what each subject can have played;
//   count exactly only those whose bound can still reach the chart, and stop once the last charted
//   count beats every bound left, including that of the subjects no band has met yet. Summing a
//   week's slots instead reads about 100,000 rows at 10M airings;
// - long windows first walk songs (or artists) down their total plays and count each one met; a
//   total bounds every window, so once the last charted count beats the next total nothing
//   further down can enter. That settles a window holding much of all plays (a year of two, in a
//   few hundred counts) and nothing else: for two months of two years the totals rank the wrong
//   songs, and the walk counted its 3,000 and gave way to the sum (0.3-0.8 s at 10M airings,
//   against 2-7 ms for the week lists). So it has a short budget, then the week lists go on;
//   where they give way too (or would be too many to walk), the totals are walked again as far
//   as it takes, when that is within kMaxWalkBudget counts, before the window's rows are summed
//   (ten years of one channel's artists, before windows were cut to the plays: 0.7 s summed,
//   45 ms walked). A window is first cut to the quarter hours from the first play to the last,
//   and each subject is counted once per window, whichever walk meets it.
// Both walks stop early only when a few subjects lead. When many tie (a flat rotation, where
// every song plays about as often as the next), they would count every subject one by one; a walk
// that has counted more subjects than the window has week rows / kRowsPerCount gives way to
// summing the window's rows in a few statements, whose cost follows those rows.
namespace nicecream::store::sqlite {

namespace {

// From this length on a window may hold enough of all plays for the totals to settle it.
constexpr std::chrono::hours kShortWindow{24 * 31};
// Candidates per charted subject a walk down the totals may look at before the week lists take
// over (about 1 ms for a top 20). Per charted subject: a top 100 of all ten years but the last
// week counted its first 100 and gave way, where 102 settled it (2.1 s summed, 2.3 ms walked).
constexpr std::int64_t kTotalsBudgetPerEntry = 5;
// A window touching more week lists than this is not walked down them: bounds over that many
// lists stay loose (ten years of one channel, 521 lists, were read for 150 ms before the walk
// gave way; cut to the two years played, its 105 lists settle in 70 ms).
constexpr std::int64_t kMostListsWalked = 256;
// As in migration 0002: weeks are 672 quarter hours counted from the epoch.
constexpr std::int64_t kSlotsPerWeek = 7 * 24 * 4;
// The band of plays a walk down the week lists reads first (halved until a top fills).
constexpr std::int64_t kFirstLevel = 64;
// Counting one subject (four index seeks) costs about what summing this many rollup rows does.
constexpr std::int64_t kRowsPerCount = 128;
// Counts a walk makes before it looks up its budget, per week list read and 512 at most. The
// lookup counts the rows of the window's weeks (some 140,000 index entries for an artists' week
// over three channels at 10M airings, 4-5 ms), as much as some 400 counts of 12 us each: looked
// up sooner, it took most of a usual week's chart (a songs' week: 10 of 11 ms) and saved nothing.
// One channel's lists are a third of that, and waiting for 512 counts there took 6 of the 30 ms
// an artists' week of one channel took before it summed.
constexpr std::int64_t kMinCountsPerList = 64;
constexpr std::int64_t kMinWalkBudget = 512;
// Counts between two looks at how many candidates can still enter.
constexpr std::int64_t kCountsBetweenLooks = 64;
// The rows the lookup counts at most: past them summing costs more than this many counts (about
// 100 ms), and a year's weeks hold millions (counting them all took longer than the walk).
constexpr std::int64_t kMaxWalkBudget = 8192;

// The tables of one chart subject; names are fixed strings, never input.
struct Subject {
  const char* slot_table;   // (id, slot, channel_id, plays)
  const char* week_table;   // (id, week, channel_id, plays), indexed on (week, channel_id, plays)
  const char* id_column;    // of the slot, week and total tables
  const char* totals;       // SELECT id, plays ordered by plays DESC
  const char* totals_from;  // how many have plays >= ?1, counted up to ?2
  const char* name_lookup;  // SELECT name WHERE id = ?1
};

// The all-channel totals also bound a channel's plays: no per-channel index to keep up to date on
// every recording for the rarer channel charts.
const Subject kSongs{"song_slot_plays",
                     "song_week_plays",
                     "song_id",
                     "SELECT song_id, plays FROM song_plays ORDER BY plays DESC, song_id DESC",
                     "SELECT count(*) FROM (SELECT 1 FROM song_plays WHERE plays >= ?1 LIMIT ?2)",
                     "SELECT title FROM songs WHERE id = ?1"};
const Subject kArtists{
    "artist_slot_plays",
    "artist_week_plays",
    "artist_id",
    "SELECT artist_id, plays FROM artist_plays ORDER BY plays DESC, artist_id DESC",
    "SELECT count(*) FROM (SELECT 1 FROM artist_plays WHERE plays >= ?1 LIMIT ?2)",
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

std::int64_t floor_div(std::int64_t value, std::int64_t by) {
  return value / by - (value % by < 0 ? 1 : 0);
}

// The weeks wholly inside a window, [first_week, end_week), and the slots left at either end:
// [first_slot, head_end) and [tail_first, end_slot).
struct WeekSplit {
  std::int64_t first_week = 0;
  std::int64_t end_week = 0;
  std::int64_t head_end = 0;
  std::int64_t tail_first = 0;
};

WeekSplit split_weeks(const Window& window) {
  const auto first_week = -floor_div(-window.first_slot, kSlotsPerWeek);
  const auto end_week = floor_div(window.end_slot, kSlotsPerWeek);
  if (first_week >= end_week) return {0, 0, window.end_slot, window.end_slot};
  return {first_week, end_week, first_week * kSlotsPerWeek, end_week * kSlotsPerWeek};
}

std::string channel_condition(const Window& window) {
  return window.channel_id ? " AND channel_id = :channel" : "";
}

// The same for one subject's rows: the unary + keeps the planner on the subject's key instead of
// the slot index (channel, slot), which would read every subject of the channel in the range.
std::string subject_channel_condition(const Window& window) {
  return window.channel_id ? " AND +channel_id = :channel" : "";
}

// One subject's plays and latest slot in the window.
std::string one_subject_sql(const Subject& subject, const Window& window) {
  const std::string id = subject.id_column;
  const std::string slots = std::string(" FROM ") + subject.slot_table + " WHERE " + id + " = :id" +
                            subject_channel_condition(window) + " AND slot >= ";
  return std::string("SELECT (SELECT coalesce(sum(plays), 0) FROM ") + subject.week_table +
         " WHERE " + id + " = :id" + subject_channel_condition(window) +
         " AND week >= :first_week AND week < :end_week)"
         " + (SELECT coalesce(sum(plays), 0)" +
         slots + ":first AND slot < :head_end) + (SELECT coalesce(sum(plays), 0)" + slots +
         ":tail_first AND slot < :end), (SELECT coalesce(max(slot), 0)" + slots +
         ":first AND slot < :end)";
}

Ranked count_in_window(Connection& connection, const Subject& subject, const Window& window,
                       Id id) {
  const auto weeks = split_weeks(window);
  auto count = connection.prepare(one_subject_sql(subject, window));
  count.bind_named(":id", id)
      .bind_named(":first_week", weeks.first_week)
      .bind_named(":end_week", weeks.end_week)
      .bind_named(":first", window.first_slot)
      .bind_named(":head_end", weeks.head_end)
      .bind_named(":tail_first", weeks.tail_first)
      .bind_named(":end", window.end_slot);
  if (window.channel_id) count.bind_named(":channel", *window.channel_id);
  count.step();
  return {id, count.int64(0), count.int64(1)};
}

// Each subject's count in one window, made once however many walks meet the subject: a walk down
// the totals that follows a walk down the week lists meets mostly the subjects that one counted.
class WindowCounts {
 public:
  WindowCounts(Connection& connection, const Subject& subject, const Window& window)
      : connection_(connection), subject_(subject), window_(window) {}

  Ranked of(Id id) {
    if (const auto found = counts_.find(id); found != counts_.end()) return found->second;
    return counts_.emplace(id, count_in_window(connection_, subject_, window_, id)).first->second;
  }

 private:
  Connection& connection_;
  const Subject& subject_;
  const Window& window_;
  std::unordered_map<Id, Ranked> counts_;
};

void keep_best(std::vector<Ranked>& best, const Ranked& candidate, std::size_t limit) {
  if (candidate.plays == 0) return;
  best.insert(std::upper_bound(best.begin(), best.end(), candidate, ranks_before), candidate);
  if (best.size() > limit) best.pop_back();
}

// Strictly: an unread subject with an equal count could still win on recency or id.
bool nothing_unread_can_enter(const std::vector<Ranked>& best, std::size_t limit,
                              std::int64_t bound) {
  return best.size() == limit && best.back().plays > bound;
}

// How many subjects have at least `plays` in all, counted up to `most`.
std::int64_t totals_from(Connection& connection, const Subject& subject, std::int64_t plays,
                         std::int64_t most) {
  auto count = connection.prepare(subject.totals_from);
  count.bind_all(plays, most);
  return count.step() ? count.int64(0) : 0;
}

// How far a walk down the totals may go: a short look before the week lists, or, once they have
// given way (or are too many to walk), as far as it takes to settle within kMaxWalkBudget counts,
// which is still far less than summing a long window's week rows.
enum class TotalsBudget { first_look, before_the_sum };

// Nothing when the walk would take longer than its budget. Once a top is full, everyone with a
// total of at least its last count must be counted before the walk can settle (the cut only
// rises), so a look at the plays index tells whether the budget can be enough.
std::optional<std::vector<Ranked>> walk_totals(Connection& connection, const Subject& subject,
                                               const Window& window, WindowCounts& counts,
                                               TotalsBudget budget_kind) {
  const auto limit = static_cast<std::size_t>(window.limit);
  const std::int64_t budget = budget_kind == TotalsBudget::first_look
                                  ? kTotalsBudgetPerEntry * window.limit
                                  : kMaxWalkBudget;
  auto totals = connection.prepare(subject.totals);
  std::vector<Ranked> best;
  bool looked_ahead = false;
  for (std::int64_t looked = 0; totals.step(); ++looked) {
    if (nothing_unread_can_enter(best, limit, totals.int64(1))) return best;
    if (looked == budget) return std::nullopt;
    if (!looked_ahead && best.size() == limit) {
      looked_ahead = true;
      if (totals_from(connection, subject, best.back().plays, budget + 1) > budget)
        return std::nullopt;
    }
    keep_best(best, counts.of(totals.int64(0)), limit);
  }
  return best;
}

// The weeks the window touches, whole or in part: [first, last].
std::pair<std::int64_t, std::int64_t> touched_weeks(const Window& window) {
  return {floor_div(window.first_slot, kSlotsPerWeek),
          floor_div(window.end_slot - 1, kSlotsPerWeek)};
}

std::vector<Id> channels_of(Connection& connection, const Window& window) {
  if (window.channel_id) return {*window.channel_id};
  std::vector<Id> channels;
  auto rows = connection.prepare("SELECT id FROM channels ORDER BY id");
  while (rows.step()) channels.push_back(rows.int64(0));
  return channels;
}

// The week lists a window touches: one per week and channel.
std::int64_t lists_touched(const Window& window, std::size_t channels) {
  const auto [first, last] = touched_weeks(window);
  return (last - first + 1) * static_cast<std::int64_t>(channels);
}

std::string week_rows_sql(const Subject& subject, const Window& window, const char* columns) {
  return std::string("SELECT ") + columns + " FROM " + subject.week_table + " WHERE week = :week" +
         channel_condition(window);
}

// The window's week rows, counted up to `enough`.
std::int64_t week_rows(Connection& connection, const Subject& subject, const Window& window,
                       std::int64_t enough) {
  std::int64_t rows = 0;
  const auto [first, last] = touched_weeks(window);
  for (auto week = first; week <= last && rows < enough; ++week) {
    auto count = connection.prepare(week_rows_sql(subject, window, "count(*)"));
    count.bind_named(":week", week);
    if (window.channel_id) count.bind_named(":channel", *window.channel_id);
    if (count.step()) rows += count.int64(0);
  }
  return rows;
}

// The week lists one chart reads, each kept most played first down to the lowest level read so
// far. A chart ranks its window and the window just before; a week-long window touches two weeks,
// and the two windows share one of them, whose lists are then read once for both.
class WeekLists {
 public:
  using Row = std::pair<Id, std::int64_t>;  // subject, plays

  explicit WeekLists(const Subject& subject) : subject_(subject) {}

  // Calls `each(id, plays)` for the rows of week and channel with level <= plays < above.
  template <typename Each>
  void each_row(Connection& connection, std::int64_t week, Id channel, std::int64_t level,
                std::int64_t above, const Each& each) {
    auto& list = lists_[{week, channel}];
    if (level < list.level) read_down_to(connection, week, channel, level, list);
    const auto first =
        std::partition_point(list.rows.begin(), list.rows.end(),
                             [above](const Row& row) { return row.second >= above; });
    for (auto row = first; row != list.rows.end() && row->second >= level; ++row)
      each(row->first, row->second);
  }

 private:
  struct List {
    std::int64_t level = std::numeric_limits<std::int64_t>::max();  // rows with plays >= it held
    std::vector<Row> rows;                                          // most played first
  };

  void read_down_to(Connection& connection, std::int64_t week, Id channel, std::int64_t level,
                    List& list) const {
    const auto sql = std::string("SELECT ") + subject_.id_column + ", plays FROM " +
                     subject_.week_table +
                     " WHERE week = ?1 AND channel_id = ?2 AND plays >= ?3 AND plays < ?4"
                     " ORDER BY plays DESC";
    auto rows = connection.prepare(sql);
    rows.bind_all(week, channel, level, list.level);
    while (rows.step()) list.rows.emplace_back(rows.int64(0), rows.int64(1));
    list.level = level;
  }

  const Subject& subject_;
  std::map<std::pair<std::int64_t, Id>, List> lists_;
};

// The week rows of a window, each week and channel a list most played first, read in bulk one
// band of plays at a time. Once every list is read down to `level`, a subject met in some lists
// played at most what they say there plus level - 1 in each other list, and one met nowhere at
// most lists x (level - 1); a week that the window covers in part only overstates it.
class WeekBands {
 public:
  WeekBands(Connection& connection, const Window& window, WeekLists& lists)
      : lists_(lists), channels_(channels_of(connection, window)) {
    std::tie(first_week_, last_week_) = touched_weeks(window);
    list_count_ = lists_touched(window, channels_.size());
  }

  // Reads every list down to `level` plays (at least 1).
  void read_down_to(Connection& connection, std::int64_t level) {
    if (level >= level_) return;
    for (auto week = first_week_; week <= last_week_; ++week) {
      for (const Id channel : channels_) {
        lists_.each_row(connection, week, channel, level, level_,
                        [this](Id id, std::int64_t plays) {
                          auto& found = met_[id];
                          found.plays += plays;
                          ++found.lists;
                        });
      }
    }
    level_ = level;
  }

  std::int64_t level() const { return level_; }
  std::int64_t lists() const { return list_count_; }
  std::size_t met() const { return met_.size(); }
  // The most a subject met nowhere can have played in the window.
  std::int64_t unmet_bound() const { return list_count_ * (level_ - 1); }

  // The subjects met that can have played at least `least` in the window, each with the most it
  // can have played, as a heap (highest on top): a walk mostly takes a few dozen off the top of
  // thousands, which a heap gives without sorting the rest (a sort was 3 % of an artists' week).
  std::vector<std::pair<std::int64_t, Id>> bounds(std::int64_t least) const {
    std::vector<std::pair<std::int64_t, Id>> bounds;
    for (const auto& [id, found] : met_) {
      const auto bound = found.plays + (list_count_ - found.lists) * (level_ - 1);
      if (bound >= least) bounds.emplace_back(bound, id);
    }
    std::make_heap(bounds.begin(), bounds.end());
    return bounds;
  }

 private:
  struct Met {
    std::int64_t plays = 0;
    std::int64_t lists = 0;
  };

  WeekLists& lists_;
  std::vector<Id> channels_;
  std::int64_t first_week_ = 0;
  std::int64_t last_week_ = 0;
  std::int64_t list_count_ = 0;
  std::int64_t level_ = std::numeric_limits<std::int64_t>::max();
  std::unordered_map<Id, Met> met_;
};

// The chart from the window's week lists: the subjects whose bound can still reach it are
// counted exactly, highest bound first, until its last count beats every bound left. Read down
// to a level where a top fills, the lists give a first last count c; with L lists, reading on
// to (c - 1) / L + 1 leaves nobody met nowhere able to reach c, so one more band settles it. A
// flat top thus costs a few thousand week rows read and a few dozen counts, where a walk one row
// of each list at a time counted thousands. Nothing once it has counted more subjects than
// summing the window would cost (its week rows / kRowsPerCount), or when settling would read every
// row of the lists (level 1): the week rows of every week the window touches, more than the sum
// reads, which takes the parts of weeks from the quarter hours. The cut of a long chart (100) in
// a long tail (thousands of songs played once or twice in a week) falls there: an unaligned week
// of one channel took 30-90 ms that way, 19 ms summed.
std::optional<std::vector<Ranked>> walk_weeks(Connection& connection, const Subject& subject,
                                              const Window& window, WeekLists& lists,
                                              WindowCounts& counts) {
  const auto limit = static_cast<std::size_t>(window.limit);
  WeekBands bands(connection, window, lists);
  std::optional<std::int64_t> budget;  // looked up only once the walk counts more than the least
  const auto over_budget = [&](std::int64_t counts) {
    // The budget never passes kMaxWalkBudget: past it, the lookup (4-5 ms) would say no.
    if (counts > kMaxWalkBudget) return true;
    if (counts <= std::min(kMinWalkBudget, kMinCountsPerList * bands.lists())) return false;
    if (!budget)
      budget =
          week_rows(connection, subject, window, kMaxWalkBudget * kRowsPerCount) / kRowsPerCount;
    return counts > *budget;
  };
  for (std::int64_t level = kFirstLevel; bands.met() < limit; level /= 2) {
    // Fewer subjects than a chart played twice in any week and channel: a flat rotation, where
    // every bound ties and each subject would be counted one by one. The sum reads no more rows.
    if (level < 2) return std::nullopt;
    bands.read_down_to(connection, level);
  }
  std::unordered_set<Id> counted;
  std::vector<Ranked> best;
  // Counts the subjects met, highest bound first, while they can enter (or, the first time, only
  // until a top is full: its last count sets how deep to read before counting the rest).
  const auto count = [&](bool until_full) {
    auto bounds = bands.bounds(best.size() < limit ? 0 : best.back().plays);
    std::int64_t since_look = 0;
    for (auto end = bounds.end(); end != bounds.begin(); --end) {
      std::pop_heap(bounds.begin(), end);
      const auto [bound, id] = *(end - 1);
      if (nothing_unread_can_enter(best, limit, bound)) return true;
      if (until_full && best.size() == limit) return true;
      if (!counted.insert(id).second) continue;
      if (over_budget(static_cast<std::int64_t>(counted.size()))) return false;
      // Each of those left that can still enter is counted unless the chart's last count rises
      // past its bound. Where it does not rise (a long tail ties at the cut: one channel's
      // unaligned week of artists, thousands met with bounds of 3 or 4), they pass the budget
      // at once, and summing now saves counting up to it (6-14 of the 30 ms that chart took).
      if (!until_full && ++since_look == kCountsBetweenLooks) {
        since_look = 0;
        const auto cut = best.size() < limit ? 0 : best.back().plays;
        const auto left = std::count_if(bounds.begin(), end - 1,
                                        [cut](const auto& other) { return other.first >= cut; });
        if (over_budget(static_cast<std::int64_t>(counted.size()) + left)) return false;
      }
      keep_best(best, counts.of(id), limit);
    }
    return true;
  };
  if (!count(true)) return std::nullopt;
  const auto settled = [&] { return nothing_unread_can_enter(best, limit, bands.unmet_bound()); };
  for (;;) {
    if (!settled()) {
      // One band down at most: the first top's last count may be low (a partly covered week
      // overstates, so the highest bounds are not always the highest counts), and counting the
      // subjects of the next band, highest bound first, raises it.
      const auto enough = best.size() < limit ? 1 : (best.back().plays - 1) / bands.lists() + 1;
      const auto level = std::max({enough, bands.level() / 2, std::int64_t{1}});
      if (level == 1) return std::nullopt;
      bands.read_down_to(connection, level);
    }
    if (!count(false)) return std::nullopt;
    if (settled()) return best;
  }
}

// One rollup row of the window: a subject's plays in a whole week, or in one quarter hour of a
// week the window covers in part. `latest` is the row's slot, or for a whole week its last slot,
// which stands for the week until the subject's latest play in it is looked up.
struct Part {
  Id id = 0;
  std::int64_t plays = 0;
  std::int64_t latest = 0;
  bool whole_week = false;
};

// A whole week: its rows per subject and channel.
void add_whole_week(Connection& connection, const Subject& subject, const Window& window,
                    std::int64_t week, std::vector<Part>& parts) {
  const std::string columns = std::string(subject.id_column) + ", plays";
  auto rows = connection.prepare(week_rows_sql(subject, window, columns.c_str()));
  rows.bind_named(":week", week);
  if (window.channel_id) rows.bind_named(":channel", *window.channel_id);
  const auto last_slot = (week + 1) * kSlotsPerWeek - 1;
  while (rows.step()) parts.push_back({rows.int64(0), rows.int64(1), last_slot, true});
}

// Part of a week, [first, end): the quarter hours of each channel in time order (a range of the
// slot index, migration 0007).
void add_part_of_week(Connection& connection, const Subject& subject, const Window& window,
                      std::int64_t first, std::int64_t end, std::vector<Part>& parts) {
  const auto sql = std::string("SELECT ") + subject.id_column + ", plays, slot FROM " +
                   subject.slot_table + " WHERE channel_id = ?1 AND slot >= ?2 AND slot < ?3";
  for (const Id channel : channels_of(connection, window)) {
    auto rows = connection.prepare(sql);
    rows.bind_all(channel, first, end);
    while (rows.step()) parts.push_back({rows.int64(0), rows.int64(1), rows.int64(2), false});
  }
}

// The latest slot of a subject in one whole week.
std::int64_t last_slot_in(Connection& connection, const Subject& subject, const Window& window,
                          Id id, std::int64_t week) {
  auto last = connection.prepare(std::string("SELECT coalesce(max(slot), 0) FROM ") +
                                 subject.slot_table + " WHERE " + subject.id_column +
                                 " = :id AND slot >= :first AND slot < :end" +
                                 subject_channel_condition(window));
  last.bind_named(":id", id)
      .bind_named(":first", week * kSlotsPerWeek)
      .bind_named(":end", (week + 1) * kSlotsPerWeek);
  if (window.channel_id) last.bind_named(":channel", *window.channel_id);
  last.step();
  return last.int64(0);
}

// Every subject of the window summed; then the ranking, looking up the latest slot of only those
// subjects that can still be charted.
std::vector<Ranked> sum_window(Connection& connection, const Subject& subject,
                               const Window& window) {
  KeptRows<Part, 2> kept;
  auto& sums = kept[0];
  const auto [first, last] = touched_weeks(window);
  for (auto week = first; week <= last; ++week) {
    const auto begin = std::max(window.first_slot, week * kSlotsPerWeek);
    const auto end = std::min(window.end_slot, (week + 1) * kSlotsPerWeek);
    if (end - begin == kSlotsPerWeek)
      add_whole_week(connection, subject, window, week, sums);
    else
      add_part_of_week(connection, subject, window, begin, end, sums);
  }
  add_up_by_id(sums, kept[1], [](Part& sum, const Part& part) {
    sum.plays += part.plays;
    if (part.latest > sum.latest) {
      sum.latest = part.latest;
      sum.whole_week = part.whole_week;
    }
  });
  std::erase_if(sums, [](const Part& sum) { return sum.plays <= 0; });
  const auto limit = static_cast<std::size_t>(window.limit);
  if (sums.size() > limit) {
    std::nth_element(sums.begin(), sums.begin() + static_cast<std::ptrdiff_t>(limit - 1),
                     sums.end(), [](const Part& a, const Part& b) { return a.plays > b.plays; });
    const auto cut = sums[limit - 1].plays;
    std::erase_if(sums, [cut](const Part& sum) { return sum.plays < cut; });
  }
  std::vector<Ranked> ranked;
  ranked.reserve(sums.size());
  for (const auto& sum : sums)
    ranked.push_back({sum.id, sum.plays,
                      sum.whole_week ? last_slot_in(connection, subject, window, sum.id,
                                                    sum.latest / kSlotsPerWeek)
                                     : sum.latest});
  std::sort(ranked.begin(), ranked.end(), ranks_before);
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

// Whether anyone played in the window: a seek of the slot index per channel. An empty window (the
// one before a young station's first year) would otherwise be walked to the walk's budget.
bool has_plays(Connection& connection, const Subject& subject, const Window& window) {
  const auto sql = std::string("SELECT EXISTS (SELECT 1 FROM ") + subject.slot_table +
                   " WHERE channel_id = ?1 AND slot >= ?2 AND slot < ?3)";
  for (const Id channel : channels_of(connection, window)) {
    auto row = connection.prepare(sql);
    if (row.bind_all(channel, window.first_slot, window.end_slot).step() && row.int64(0) != 0)
      return true;
  }
  return false;
}

std::vector<Ranked> rank(Connection& connection, const Subject& subject, const Window& window,
                         WeekLists& lists) {
  if (window.limit == 0 || window.first_slot >= window.end_slot) return {};
  if (!has_plays(connection, subject, window)) return {};
  WindowCounts counts(connection, subject, window);
  if (!window.short_window)
    if (auto walked = walk_totals(connection, subject, window, counts, TotalsBudget::first_look))
      return *walked;
  if (lists_touched(window, channels_of(connection, window).size()) <= kMostListsWalked)
    if (auto walked = walk_weeks(connection, subject, window, lists, counts)) return *walked;
  if (!window.short_window)
    if (auto walked =
            walk_totals(connection, subject, window, counts, TotalsBudget::before_the_sum))
      return *walked;
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

// The quarter hours played in, [first, end): one channel's from its slot index, from its first
// play to its last; every channel's from the week index, to whole weeks. Two seeks either way,
// however many channels there are. Nothing when nobody played.
std::optional<std::pair<std::int64_t, std::int64_t>> played_slots(Connection& connection,
                                                                  const Subject& subject,
                                                                  const Window& window) {
  const std::string column = window.channel_id ? "slot" : "week";
  const std::string rows = window.channel_id
                               ? std::string(subject.slot_table) + " WHERE channel_id = ?1"
                               : std::string(subject.week_table);
  // One min() or max() to a query: SQLite seeks the index for it alone.
  const auto edge = [&](const char* which) {
    return std::string("(SELECT ") + which + "(" + column + ") FROM " + rows + ")";
  };
  auto row = connection.prepare(
      "SELECT first IS NULL, coalesce(first, 0), coalesce(last, 0) FROM (SELECT " + edge("min") +
      " AS first, " + edge("max") + " AS last)");
  if (window.channel_id) row.bind_all(*window.channel_id);
  if (!row.step() || row.int64(0) != 0) return std::nullopt;
  if (window.channel_id) return std::pair{row.int64(1), row.int64(2) + 1};
  return std::pair{row.int64(1) * kSlotsPerWeek, (row.int64(2) + 1) * kSlotsPerWeek};
}

// The window cut to the quarter hours played in; empty (at its end) when it holds none. A long
// window's plays are the same, over fewer week lists.
Window within(Window window, const std::pair<std::int64_t, std::int64_t>& played) {
  window.first_slot = std::max(window.first_slot, played.first);
  window.end_slot = std::min(window.end_slot, played.second);
  if (window.first_slot >= window.end_slot) window.first_slot = window.end_slot;
  return window;
}

}  // namespace

std::vector<domain::ChartEntry> SqliteStore::chart(const domain::ChartQuery& query) {
  const auto& subject = subject_of(query);
  const auto length = query.to - query.from;
  const Window current{domain::first_slot_from(query.from), domain::first_slot_from(query.to),
                       query.channel_id, std::clamp(query.limit, 0, domain::kMaxChartSize),
                       length < kShortWindow};
  Window previous = current;
  previous.first_slot = domain::first_slot_from(query.from - length);
  previous.end_slot = current.first_slot;
  auto lease = connection();
  const auto played = played_slots(*lease, subject, current);
  if (!played) return {};
  WeekLists lists(subject);
  const auto ranked = rank(*lease, subject, within(current, *played), lists);
  if (ranked.empty()) return {};
  return named_entries(*lease, subject, ranked,
                       rank(*lease, subject, within(previous, *played), lists));
}

}  // namespace nicecream::store::sqlite

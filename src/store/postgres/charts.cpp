#include <algorithm>
#include <limits>
#include <optional>

#include "domain/catalog.hpp"
#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"
#include "store/window_rows.hpp"

// Charts from the quarter-hour rollups (never history): plays in [from, to) summed per song or
// artist, ranked by plays, then the latest slot played in the window, then the lower id; the
// previous rank comes from the window of the same length just before.
//
// Three ways to the same answer. The periods that cover a window bound it: a subject with n plays
// in the window has at least n / (covering periods) in one of them. All channels' charts are
// bounded by the weeks (over every channel), one channel's by its 30-day periods (migration 0010):
// the weeks bound one channel of several too loosely to leave few subjects. The most played of
// each period give a first top k and its k-th count; then every subject with that share in some
// covering period (a range of the period's index each) is counted exactly, and nobody else can
// enter. A long window that the bound leaves
// too loose walks down the totals (song_plays / artist_plays, most played first), summing each
// subject's own plays in both windows: nobody can play more in a window than in total, so once
// the batch's lowest total is below the k-th best of both windows, nobody further down can enter
// either top k. A window that neither settles soon is summed (a quiet window, a short one, or the
// empty one before a young station's first year).
namespace nicecream::store::postgres {

namespace {

struct Subject {
  std::string rollup;  // quarter-hour plays
  std::string weeks;   // the same by week over all channels (column week, no channel_id)
  std::string months;  // the same by 30 days (column month)
  std::string key;     // its subject column
  std::string totals;  // all-time plays of each subject, with an index most played first
  std::string names;   // the subject's table, joined by id
  std::string name;    // the name column in it
};

const Subject kSongs{"song_slot_plays",
                     "song_week_plays",
                     "song_month_plays",
                     "song_id",
                     "song_plays",
                     "songs",
                     "title"};
const Subject kArtists{"artist_slot_plays",
                       "artist_week_plays",
                       "artist_month_plays",
                       "artist_id",
                       "artist_plays",
                       "artists",
                       "name"};

// Slots per period of the week and 30-day rollups (nicecream_week, nicecream_month).
constexpr std::int64_t kDaySlots = 96;
constexpr std::int64_t kWeekSlots = 7 * kDaySlots;
constexpr std::int64_t kMonthSlots = 30 * kDaySlots;

// Windows longer than this are walked; a week or a month sums fewer rows than a walk reads.
constexpr std::int64_t kLongestSummedSlots = 31 * 24 * 4;
// The walk's first batch; each next one is twice as long (a top 20 usually ends within the first
// hundred subjects, a quiet window needs more).
constexpr std::int64_t kFirstWalkBatch = 64;
constexpr std::int64_t kWalkLimit = 8000;  // subjects walked before giving up for the sum
// Subjects per charted one that a first walk may look at, before the bound, in a window holding
// most of all plays.
constexpr std::int64_t kFirstLookPerEntry = 5;
// The weeks' bound is used when it leaves out every subject with fewer plays than this in each
// covering week: with 1, it would count every subject of those weeks.
constexpr std::int64_t kLeastBoundingPlays = 2;
// Week rows the bound may leave to count exactly; each costs a seek or two of the quarter-hour
// key, and beyond this many the window's sum is cheaper.
constexpr std::int64_t kMostBoundedRows = 4000;
// The quarter hours of a summed window read in one statement. libpq holds a statement's whole
// answer, about 100 bytes a row: a month and the month before over every channel (some 860,000
// rows at 10M airings) would hold 86 MB at once, a week's read holds 10 (bench/search's peak
// memory 41 -> 29 MB, a week's top 100 of artists as fast). A cursor fetched in batches bounds it
// too, but its FETCH took twice the plain statement's time.
constexpr std::int64_t kSlotsReadAtOnce = kWeekSlots;
// A week's sum groups some 100,000 quarter hours of different subjects: with the default 4 MB
// the grouping spills to disk. JIT compiling the walk's batches costs more than they take. For
// the chart's transaction only.
const std::string kChartWorkMem =
    "SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)";

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
  const auto kept = std::min(limit, standings.size());
  std::partial_sort(standings.begin(), standings.begin() + static_cast<std::ptrdiff_t>(kept),
                    standings.end(), ahead);
  standings.resize(kept);
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
  Window played;  // from the first play to the last (played_slots)
};

std::string in_range(Params& params, const ChartPlan& plan, const std::string& column,
                     std::int64_t first, std::int64_t end) {
  std::string sql =
      column + " >= " + params.add(first) + " AND " + column + " < " + params.add(end);
  if (plan.channel) sql += " AND channel_id = " + params.add(*plan.channel);
  return sql;
}

std::string in_window(Params& params, const ChartPlan& plan, const Window& window) {
  return in_range(params, plan, "slot", window.first, window.end);
}

// The window's quarter hours of the plan's channel, else of every channel: the slot index is led
// by the channel (migration 0008), so all channels are a range of it each.
std::string in_window_of_channels(Params& params, const ChartPlan& plan, const Window& window) {
  const auto range = in_window(params, plan, window);
  return plan.channel ? range : "channel_id IN (SELECT id FROM channels) AND " + range;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
  return -floor_div(-a, b);
}

// A window as whole periods of `period_slots` in the middle and what is left at each edge.
struct Split {
  Window periods;  // in periods; empty when no whole one fits
  Window left;     // in slots
  Window right;    // in slots
};

Split split(const Window& window, std::int64_t period_slots) {
  const std::int64_t first = ceil_div(window.first, period_slots);
  const std::int64_t end = floor_div(window.end, period_slots);
  if (first >= end) return {{0, 0}, window, {window.end, window.end}};
  return {{first, end}, {window.first, first * period_slots}, {end * period_slots, window.end}};
}

// One subject's plays in a window: whole 30-day periods, then (over all channels) whole weeks,
// then quarter hours, each a range of its rollup's key; a year is some dozens of rows instead of
// thousands.
std::string window_plays(Params& params, const ChartPlan& plan, const Window& window) {
  const auto& s = plan.subject;
  const auto of_subject = [&](const std::string& table, const std::string& column,
                              const Window& range) {
    return " UNION ALL SELECT plays FROM " + table + " WHERE " + s.key + " = c.id AND " +
           in_range(params, plan, column, range.first, range.end);
  };
  const auto months = split(window, kMonthSlots);
  std::string sql = "SELECT 0::bigint AS plays";
  if (months.periods.end > months.periods.first)
    sql += of_subject(s.months, "month", months.periods);
  for (const auto& edge : {months.left, months.right}) {
    if (edge.end <= edge.first) continue;
    if (plan.channel) {  // the weeks count all channels
      sql += of_subject(s.rollup, "slot", edge);
      continue;
    }
    const auto weeks = split(edge, kWeekSlots);
    if (weeks.periods.end > weeks.periods.first) sql += of_subject(s.weeks, "week", weeks.periods);
    for (const auto& slots : {weeks.left, weeks.right})
      if (slots.end > slots.first) sql += of_subject(s.rollup, "slot", slots);
  }
  return sql;
}

std::vector<Standing> top_of(const Result& rows, std::size_t limit) {
  std::vector<Standing> top;
  for (int row = 0; row < rows.rows(); ++row)
    top.push_back({rows.int64(row, 0), rows.int64(row, 1), rows.int64(row, 2)});
  keep_top(top, limit);
  return top;
}

// The tops of adjacent short windows (ordered, each at most a month) from one read of the
// quarter hours they span.
std::vector<std::vector<Standing>> summed_tops(Connection& connection, const ChartPlan& plan,
                                               const std::vector<Window>& windows) {
  const auto& s = plan.subject;
  // A buffer per window (two at most: a window and the one before it) and the sort's spare.
  KeptRows<Standing, 3> kept;
  const Window span{windows.front().first, windows.back().end};
  for (auto read = span.first; read < span.end; read += kSlotsReadAtOnce) {
    Params params;
    const Window part{read, std::min(read + kSlotsReadAtOnce, span.end)};
    const auto rows =
        connection.exec_binary("SELECT " + s.key + ", plays, slot FROM " + s.rollup + " WHERE " +
                                   in_window_of_channels(params, plan, part),
                               params.values());
    for (int row = 0; row < rows.rows(); ++row) {
      const std::int64_t slot = rows.int64(row, 2);
      const auto window = std::find_if(windows.begin(), windows.end(),
                                       [&](const Window& w) { return slot < w.end; });
      if (window == windows.end() || slot < window->first) continue;
      kept[static_cast<std::size_t>(window - windows.begin())].push_back(
          {rows.int64(row, 0), rows.int64(row, 1), slot});
    }
  }
  std::vector<std::vector<Standing>> tops;
  for (std::size_t window = 0; window < windows.size(); ++window) {
    auto& plays = kept[window];
    add_up_by_id(plays, kept[2], [](Standing& sum, const Standing& played) {
      sum.plays += played.plays;
      sum.latest = std::max(sum.latest, played.latest);
    });
    keep_top(plays, plan.limit);
    tops.push_back(plays);
  }
  return tops;
}

// A window of at most a month summed here: grouping one channel's week (some 33,000 quarter hours
// of as many songs, at 10 million airings) took PostgreSQL's hash aggregate 20-25 ms after a 4 ms
// read, while sending the rows and adding them up here costs about half. Longer windows,
// which only a failed walk leaves to sum, could be millions of rows: those the server groups.
std::vector<Standing> summed_top(Connection& connection, const ChartPlan& plan,
                                 const Window& window) {
  if (window.end - window.first <= kLongestSummedSlots)
    return summed_tops(connection, plan, {window}).front();
  Params params;
  const auto& s = plan.subject;
  const auto limit = params.add(static_cast<std::int64_t>(plan.limit));
  return top_of(
      connection.exec("SELECT " + s.key + ", sum(plays) AS plays, max(slot) AS latest" + " FROM " +
                          s.rollup + " WHERE " + in_window_of_channels(params, plan, window) +
                          " GROUP BY 1 ORDER BY plays DESC, latest DESC, 1 LIMIT " + limit,
                      params.values()),
      plan.limit);
}

// The plays and latest slot in `window` of subject c.id, for a LATERAL join. The latest play in
// the window is one backward seek of the quarter-hour key.
std::string window_standing(Params& params, const ChartPlan& plan, const Window& window) {
  const auto& s = plan.subject;
  return "(SELECT (SELECT sum(plays) FROM (" + window_plays(params, plan, window) +
         ") AS w) AS plays, coalesce((SELECT max(slot) FROM " + s.rollup + " WHERE " + s.key +
         " = c.id AND " + in_window(params, plan, window) + "), 0) AS latest)";
}

// One batch of the walk: the next subjects by total, with their plays in both windows.
std::string walk_batch(Params& params, const ChartPlan& plan, const Standing& after,
                       std::int64_t batch) {
  const auto& s = plan.subject;
  const auto total = params.add(after.plays);
  return "SELECT c.id, c.total, cur.plays, cur.latest, prev.plays, prev.latest FROM (SELECT " +
         s.key + " AS id, plays AS total FROM " + s.totals + " WHERE plays <= " + total +
         " AND (plays < " + total + " OR " + s.key + " > " + params.add(after.id) +
         ") ORDER BY plays DESC, " + s.key + " LIMIT " + params.add(batch) +
         ") AS c CROSS JOIN LATERAL " + window_standing(params, plan, plan.current) +
         " AS cur CROSS JOIN LATERAL " + window_standing(params, plan, plan.previous) +
         " AS prev ORDER BY c.total DESC, c.id";
}

// The rollup whose periods bound a chart, each listed most played first: weeks over all
// channels, or one channel's 30-day periods.
struct Periods {
  const std::string& table;
  std::string column;
  std::int64_t slots = 0;
  std::optional<Id> channel;
};

Periods bounding_periods(const ChartPlan& plan) {
  if (plan.channel) return {plan.subject.months, "month", kMonthSlots, plan.channel};
  return {plan.subject.weeks, "week", kWeekSlots, std::nullopt};
}

// The periods that cover `window`, [first, end).
Window covering(const Periods& periods, const Window& window) {
  return {floor_div(window.first, periods.slots), ceil_div(window.end, periods.slots)};
}

// For each period covering `window`, the `columns` of its rows that `listed` picks (a condition,
// order and limit after "<period> = p.period"), as t: one seek of the period's index each.
std::string each_covering_period(Params& params, const Periods& periods, const Window& window,
                                 const std::string& columns, const std::string& listed) {
  const auto covered = covering(periods, window);
  const auto channel =
      periods.channel ? " AND channel_id = " + params.add(*periods.channel) : std::string();
  return "generate_series(" + params.add(covered.first) + "::bigint, " + params.add(covered.end) +
         "::bigint - 1) AS p (period) CROSS JOIN LATERAL (SELECT " + columns + " FROM " +
         periods.table + " WHERE " + periods.column + " = p.period" + channel + listed + ") AS t";
}

// The top of `window` among the subjects that the periods covering it list with at least
// `least_plays` (or, when `most_played_each` is set, the first so many of each period instead),
// counted exactly; ranked as a chart.
std::vector<Standing> top_of_periods(Connection& connection, const ChartPlan& plan,
                                     const Periods& periods, const Window& window,
                                     std::int64_t least_plays,
                                     std::optional<std::int64_t> most_played_each) {
  Params params;
  const auto listed = most_played_each
                          ? " ORDER BY plays DESC LIMIT " + params.add(*most_played_each)
                          : " AND plays >= " + params.add(least_plays);
  const std::string sql =
      "SELECT c.id, cur.plays, cur.latest FROM (SELECT DISTINCT t.id FROM " +
      each_covering_period(params, periods, window, plan.subject.key + " AS id", listed) +
      ") AS c CROSS JOIN LATERAL " + window_standing(params, plan, window) +
      " AS cur WHERE cur.plays > 0 ORDER BY cur.plays DESC, cur.latest DESC, c.id LIMIT " +
      params.add(static_cast<std::int64_t>(plan.limit));
  return top_of(connection.exec(sql, params.values()), plan.limit);
}

// How many rows the periods covering `window` list with at least `least_plays`, counted up to
// `most`: one seek of the period's index each.
std::int64_t listed_in_periods(Connection& connection, const Periods& periods, const Window& window,
                               std::int64_t least_plays, std::int64_t most) {
  Params params;
  const auto limit = params.add(most);
  const std::string sql =
      "SELECT count(*) FROM (SELECT 1 FROM " +
      each_covering_period(params, periods, window, "1",
                           " AND plays >= " + params.add(least_plays) + " LIMIT " + limit) +
      " LIMIT " + limit + ") AS listed";
  const auto rows = connection.exec(sql, params.values());
  return rows.rows() > 0 ? rows.int64(0, 0) : 0;
}

// A window's top from the periods covering it (see the top of this file); none when the bound is
// too loose to leave few subjects (a quiet or short window, or a long tail at the cut): counting
// the subjects it leaves is capped, beyond which summing the window costs less.
std::optional<std::vector<Standing>> bounded_top(Connection& connection, const ChartPlan& plan,
                                                 const Window& window) {
  const auto periods = bounding_periods(plan);
  // A week of one channel is under a quarter of the 30 days it touches, whose bound then leaves
  // thousands; from a week on the bound pays (14 days of one channel: 54 -> 11-37 ms, summed
  // against bounded, at 10M airings).
  if (periods.channel && window.end - window.first < periods.slots / 4) return std::nullopt;
  const auto first_top =
      top_of_periods(connection, plan, periods, window, 0, static_cast<std::int64_t>(plan.limit));
  if (first_top.size() < plan.limit) return std::nullopt;
  const auto covered = covering(periods, window);
  const std::int64_t least_plays = ceil_div(first_top.back().plays, covered.end - covered.first);
  if (least_plays < kLeastBoundingPlays) return std::nullopt;
  if (listed_in_periods(connection, periods, window, least_plays, kMostBoundedRows) >=
      kMostBoundedRows)
    return std::nullopt;
  return top_of_periods(connection, plan, periods, window, least_plays, std::nullopt);
}

// Whether someone with at most `bound` plays in all could still enter `top`.
bool could_enter(const std::vector<Standing>& top, std::size_t limit, std::int64_t bound) {
  if (bound <= 0) return false;
  return top.size() < limit || top.back().plays <= bound;
}

using Tops = std::pair<std::vector<Standing>, std::vector<Standing>>;
// Each window's top where the walk settled it, nothing where it could not.
using WalkedTops =
    std::pair<std::optional<std::vector<Standing>>, std::optional<std::vector<Standing>>>;

// Whether a walk down the totals can no longer settle `top` within kWalkLimit subjects: once it
// is full, everyone with a total of at least its last count must be walked (the count only
// rises), and the plays index tells how many they are. A window holding a small share of all
// plays (half a year of one channel of several, before most of two years) walked its 8,000 for
// 0.5 s before summing.
bool out_of_reach(Connection& connection, const ChartPlan& plan, const std::vector<Standing>& top) {
  if (top.size() < plan.limit) return false;
  Params params;
  const auto sql = "SELECT count(*) FROM (SELECT 1 FROM " + plan.subject.totals +
                   " WHERE plays >= " + params.add(top.back().plays) + " LIMIT " +
                   params.add(kWalkLimit + 1) + ") AS ahead";
  return connection.exec(sql, params.values()).int64(0, 0) > kWalkLimit;
}

// The walk settles each window on its own: a window with fewer than `limit` subjects in all (the
// one before a young station's first year, say) is never settled by totals, and must not keep the
// walk going for the other; nor must one that the walk can no longer settle.
WalkedTops walked_tops(Connection& connection, const ChartPlan& plan, bool need_current,
                       bool need_previous, std::int64_t walk_limit) {
  Tops tops;
  Standing after{0, std::numeric_limits<std::int64_t>::max(), 0};
  // Each window is looked at once, when its top is first full.
  bool looked_current = false;
  bool looked_previous = false;
  const auto still_needed = [&](bool& looked, const std::vector<Standing>& top) {
    if (looked || top.size() < plan.limit) return true;
    looked = true;
    return !out_of_reach(connection, plan, top);
  };
  for (std::int64_t walked = 0, batch = kFirstWalkBatch; walked < walk_limit;
       walked += batch, batch *= 2) {
    Params params;
    const auto sql = walk_batch(params, plan, after, batch);
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
    if (rows.rows() < batch) return {std::move(tops.first), std::move(tops.second)};  // all walked
    need_current = need_current && still_needed(looked_current, tops.first);
    need_previous = need_previous && still_needed(looked_previous, tops.second);
    if ((!need_current || !could_enter(tops.first, plan.limit, after.plays)) &&
        (!need_previous || !could_enter(tops.second, plan.limit, after.plays)))
      break;
  }
  WalkedTops settled;
  if (!could_enter(tops.first, plan.limit, after.plays)) settled.first = std::move(tops.first);
  if (!could_enter(tops.second, plan.limit, after.plays)) settled.second = std::move(tops.second);
  return settled;
}

// The quarter hours played in: one channel's from its slot index, from its first play to its
// last; every channel's from the week index, to whole weeks. Two seeks either way, however many
// channels there are. Nothing when nobody played.
std::optional<Window> played_slots(Connection& connection, const ChartPlan& plan) {
  Params params;
  const auto& s = plan.subject;
  const std::string column = plan.channel ? "slot" : "week";
  const std::string rows =
      plan.channel ? s.rollup + " WHERE channel_id = " + params.add(*plan.channel) : s.weeks;
  const auto edge = [&](const char* order) {
    return "(SELECT " + column + " FROM " + rows + " ORDER BY " + column + order + " LIMIT 1)";
  };
  const auto found = connection.exec("SELECT " + edge("") + ", " + edge(" DESC"), params.values());
  if (found.rows() == 0 || found.is_null(0, 0)) return std::nullopt;
  if (plan.channel) return Window{found.int64(0, 0), found.int64(0, 1) + 1};
  return Window{found.int64(0, 0) * kWeekSlots, (found.int64(0, 1) + 1) * kWeekSlots};
}

// The part of `window` within `played`, else an empty window at its end.
Window within(const Window& window, const Window& played) {
  const Window part{std::max(window.first, played.first), std::min(window.end, played.end)};
  return part.first < part.end ? part : Window{window.end, window.end};
}

// Whether the window holds most of all channels' plays (three quarters of the time anyone
// played): the totals then rank nearly as the window does, and a short walk down them settles it
// sooner than the weeks' bound, which counts the most played of every week it covers (all ten
// years' top 100: 47 -> 17-20 ms). The totals bound one channel of several too loosely for that.
bool holds_most_plays(const ChartPlan& plan) {
  const auto window = plan.current.end - plan.current.first;
  return !plan.channel && 4 * window >= 3 * (plan.played.end - plan.played.first);
}

// Whether anyone played in the window: the window before a young station's first year is empty,
// and no bound or walk can show that sooner than a look at the slot index per channel.
bool has_plays(Connection& connection, const ChartPlan& plan, const Window& window) {
  Params params;
  const auto sql = "SELECT EXISTS (SELECT 1 FROM " + plan.subject.rollup + " WHERE " +
                   in_window_of_channels(params, plan, window) + ")";
  const auto rows = connection.exec(sql, params.values());
  return rows.rows() > 0 && rows.text(0, 0) == "t";
}

// Each window is settled on its own: by its periods' bound, else by the walk down the totals
// (long windows), else by the sum. A short window and the one before it, when neither is bounded,
// are summed from one read of the quarter hours they span.
Tops chart_tops(Connection& connection, const ChartPlan& plan) {
  std::optional<std::vector<Standing>> current;
  std::optional<std::vector<Standing>> previous;
  if (!has_plays(connection, plan, plan.previous)) previous.emplace();
  if (holds_most_plays(plan)) {
    auto walked = walked_tops(connection, plan, true, !previous,
                              kFirstLookPerEntry * static_cast<std::int64_t>(plan.limit));
    current = std::move(walked.first);
    if (!previous) previous = std::move(walked.second);
  }
  if (!current) current = bounded_top(connection, plan, plan.current);
  if (!previous) previous = bounded_top(connection, plan, plan.previous);
  const bool long_window = plan.current.end - plan.current.first > kLongestSummedSlots;
  if (!current && !previous && !long_window) {
    auto tops = summed_tops(connection, plan, {plan.previous, plan.current});
    return {std::move(tops[1]), std::move(tops[0])};
  }
  if ((!current || !previous) && long_window) {
    auto walked = walked_tops(connection, plan, !current, !previous, kWalkLimit);
    if (!current) current = std::move(walked.first);
    if (!previous) previous = std::move(walked.second);
  }
  if (!current) current = summed_top(connection, plan, plan.current);
  if (!previous) previous = summed_top(connection, plan, plan.previous);
  return {std::move(*current), std::move(*previous)};
}

std::vector<domain::ChartEntry> ranked(Connection& connection, const ChartPlan& plan,
                                       const Tops& tops) {
  std::vector<Id> ids;
  for (const auto& standing : tops.first) ids.push_back(standing.id);
  const auto names = connection.query("SELECT id, " + plan.subject.name + " FROM " +
                                          plan.subject.names + " WHERE id = ANY($1::bigint[])",
                                      bigint_array(ids));
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
  const std::int64_t first = domain::first_slot_from(query.from);
  const std::int64_t end = domain::first_slot_from(query.to);
  const int limit = std::clamp(query.limit, 0, domain::kMaxChartSize);
  if (end <= first || limit == 0) return {};
  ChartPlan plan{query.by == domain::ChartSubject::song ? kSongs : kArtists,
                 {first, end},
                 {first - (end - first), first},
                 query.channel_id,
                 static_cast<std::size_t>(limit),
                 {first, end}};
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&]() -> std::vector<domain::ChartEntry> {
      connection.exec(kChartWorkMem);
      // Windows reaching before the first play or past the last are cut to them: the same plays,
      // over fewer periods to bound them by (a top 100 of one channel's artists over the 18
      // months to last week, whose previous window held the first half year of two, 0.85 s ->
      // 55 ms with the walk's look ahead; over HTTP, cold, 6.8 s -> 0.1 s).
      const auto played = played_slots(connection, plan);
      if (!played) return {};
      plan.played = *played;
      plan.current = within(plan.current, *played);
      plan.previous = within(plan.previous, *played);
      if (plan.current.end <= plan.current.first) return {};
      return ranked(connection, plan, chart_tops(connection, plan));
    });
  });
}

}  // namespace nicecream::store::postgres

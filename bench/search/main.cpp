// Search, "what was on at", song/artist pages and charts on 10 million history items and 1 million
// songs, store level (no HTTP), both engines: p50/p99 of each query, timed in turns so the
// machine's hiccups fall on all alike; a LIKE '%…%' scan for contrast; and the cost of recording
// one item with the search index and rollups kept in step, against the same code writing into a
// copy of the database as it was before them (schema version 1).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "lib/engine_target.hpp"
#include "lib/latency.hpp"
#include "seed.hpp"

namespace nicecream::bench {

namespace {

using domain::Id;
using domain::Timestamp;
using std::chrono::hours;

struct Options {
  EngineTarget target{"sqlite", "/tmp/nicecream-bench-search", ""};
  SeedPlan plan;
  int samples = 200;
  int recordings = 4'000;
  std::string only;  // times only the queries whose name contains this
};

struct Scenario {
  std::string name;
  std::function<std::size_t()> call;  // rows returned
  int samples;
  // Timed in turns among themselves, after the others: each call reads some 200,000 rollup rows,
  // which pushed the others' pages out of the connection's cache (an artist's search 6.6 -> 13 ms
  // on SQLite when they took turns with it).
  bool apart = false;
};

std::unique_ptr<RawSql> open_raw(const EngineTarget& target) {
  if (target.postgres()) return raw_postgres(target.conninfo);
  return raw_sqlite(target.sqlite_file());
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void seed(const Options& options, store::Store& store, const Corpus& corpus) {
  store.migrate_to(1);
  const auto started = std::chrono::steady_clock::now();
  if (options.target.postgres())
    seed_postgres(options.target.conninfo, options.plan, corpus);
  else
    seed_sqlite(options.target.sqlite_file(), options.plan, corpus);
  std::printf("%s: seeded %lld songs and %lld items at schema version 1 in %.0f s\n",
              options.target.engine.c_str(), static_cast<long long>(corpus.songs()),
              static_cast<long long>(options.plan.items), seconds_since(started));
}

// A database seeded by an earlier run is reused: only what its schema lacks is built.
void migrate(const Options& options, store::Store& store) {
  const auto started = std::chrono::steady_clock::now();
  const int applied = store.migrate();
  if (applied == 0) return;
  std::printf("%s: %d migration(s) built the search index and rollups in %.0f s\n",
              options.target.engine.c_str(), applied, seconds_since(started));
  open_raw(options.target)->rows("ANALYZE");
}

domain::HistoryQuery history(std::function<void(domain::HistoryQuery&)> fill) {
  domain::HistoryQuery query;
  fill(query);
  return query;
}

domain::ChartQuery chart(domain::ChartSubject by, Timestamp now, hours length,
                         std::optional<Id> channel = {}, int limit = domain::kDefaultChartSize) {
  return {by, channel, now - length, now, limit};
}

// The windows are counted back from the seeded airings, not from the clock: a week's chart or "a
// year ago" on a database seeded days earlier reads the same rows as on the day it was seeded.
// The newest airing was seeded a minute before the seeding ended.
Timestamp seeded_now(store::Store& store) {
  domain::HistoryQuery newest;
  newest.limit = 1;
  const auto items = store.list_history(newest);
  if (items.empty()) return domain::now();
  return items.front().created_at + std::chrono::minutes(1);
}

std::vector<Scenario> scenarios(store::Store& store, RawSql& raw, const Corpus& corpus,
                                int samples) {
  const Timestamp now = seeded_now(store);
  const Timestamp year_ago = now - hours(24 * 365);
  const auto by_text = [](std::string text, std::optional<Id> channel = {}) {
    return history([&](auto& q) { q.text = text, q.channel_id = channel; });
  };
  auto second_page = by_text(corpus.common_word());
  const auto first_page = store.list_history(second_page);
  if (!first_page.empty()) second_page.before = first_page.back().id;
  const auto artists = store.list_artists({});
  const Id top_artist = artists.empty() ? 1 : artists.front().id;
  auto rows = [&store](auto query) {
    return [&store, query] { return store.list_history(query).size(); };
  };
  auto songs = [&store](std::optional<std::string> text) {
    return [&store, text] { return store.list_songs({text, 0, domain::kDefaultPageSize}).size(); };
  };
  auto charted = [&store](domain::ChartQuery query) {
    return [&store, query] { return store.chart(query).size(); };
  };
  const auto like =
      "SELECT h.id FROM history AS h JOIN songs AS s ON s.id = h.song_id"
      " WHERE s.title LIKE '%" +
      corpus.rare_word() + "%' ORDER BY h.id DESC LIMIT 50";
  using S = domain::ChartSubject;
  return {
      {"history q: common word (" + corpus.common_word() + ")", rows(by_text(corpus.common_word())),
       samples},
      {"history q: common word, 2nd page (before=)", rows(second_page), samples},
      {"history q: common word, channel 2", rows(by_text(corpus.common_word(), 2)), samples},
      {"history q: rare word", rows(by_text(corpus.rare_word())), samples},
      {"history q: prefix (" + corpus.prefix() + ")", rows(by_text(corpus.prefix())), samples},
      {"history q: a narrower prefix (" + corpus.narrow_prefix() + ")",
       rows(by_text(corpus.narrow_prefix())), samples},
      {"history q: prefix, channel 2", rows(by_text(corpus.prefix(), 2)), samples},
      {"history q: two letters (" + corpus.prefix().substr(0, 2) + ")",
       rows(by_text(corpus.prefix().substr(0, 2))), samples},
      {"history q: artist, no diacritics (" + corpus.artist_words() + ")",
       rows(by_text(corpus.artist_words())), samples},
      {"history to=: a year ago", rows(history([&](auto& q) { q.to = year_ago; })), samples},
      {"history to=: a year ago, channel 2",
       rows(history([&](auto& q) { q.to = year_ago, q.channel_id = 2; })), samples},
      {"what was on at: channel 2, a year ago, limit 1",
       rows(history([&](auto& q) { q.to = year_ago, q.channel_id = 2, q.limit = 1; })), samples},
      {"history from=/to=: one hour a year ago",
       rows(history([&](auto& q) { q.from = year_ago, q.to = year_ago + hours(1); })), samples},
      {"history q + from=/to=: common word, one day a year ago", rows(history([&](auto& q) {
         q.text = corpus.common_word(), q.from = year_ago, q.to = year_ago + hours(24);
       })),
       samples},
      {"history q + from=/to=: common word, channel 2, one day a year ago",
       rows(history([&](auto& q) {
         q.text = corpus.common_word(), q.channel_id = 2, q.from = year_ago,
         q.to = year_ago + hours(24);
       })),
       samples},
      {"history q + from=/to=: rare word, one day a year ago", rows(history([&](auto& q) {
         q.text = corpus.rare_word(), q.from = year_ago, q.to = year_ago + hours(24);
       })),
       samples},
      {"history q + from=/to=: prefix, a week a year ago", rows(history([&](auto& q) {
         q.text = corpus.prefix(), q.from = year_ago, q.to = year_ago + hours(24 * 7);
       })),
       samples},
      {"history q + from=: common word, the last 7 days",
       rows(history([&](auto& q) { q.text = corpus.common_word(), q.from = now - hours(24 * 7); })),
       samples},
      {"history song_id: most played song", rows(history([](auto& q) { q.song_id = 1; })), samples},
      {"history artist_id: most played artist",
       rows(history([top_artist](auto& q) { q.artist_id = top_artist; })), samples},
      {"history artist_id: most played artist, 2nd page",
       rows(history([top_artist](auto& q) { q.artist_id = top_artist, q.offset = 50; })), samples},
      {"songs q: common word", songs(corpus.common_word()), samples},
      {"songs q: rare word", songs(corpus.rare_word()), samples},
      {"songs q: prefix (" + corpus.prefix() + ")", songs(corpus.prefix()), samples},
      {"songs q: a narrower prefix (" + corpus.narrow_prefix() + ")", songs(corpus.narrow_prefix()),
       samples},
      {"songs q: two letters", songs(corpus.prefix().substr(0, 2)), samples},
      {"songs: most played", songs(std::nullopt), samples},
      {"artists q: " + corpus.artist_words(),
       [&store, &corpus] {
         return store.list_artists({corpus.artist_words(), 0, 50}).size();
       },
       samples},
      {"artists q: a prefix (" + corpus.prefix().substr(0, 2) + ")",
       [&store, &corpus] {
         return store.list_artists({corpus.prefix().substr(0, 2), 0, 50}).size();
       },
       samples},
      {"artists: most played", [&store] { return store.list_artists({}).size(); }, samples},
      {"song page: most played song", [&store] { return store.song_detail(1) ? 1UL : 0UL; },
       samples},
      {"song stats: most played song, 365 days",
       [&store, now] { return store.song_plays_by_slot(1, now - hours(24 * 365), now).size(); },
       samples},
      {"artist page: most played artist",
       [&store, top_artist] { return store.artist_detail(top_artist) ? 1UL : 0UL; }, samples},
      {"artist stats: most played artist, 365 days",
       [&store, top_artist, now] {
         return store.artist_plays_by_slot(top_artist, now - hours(24 * 365), now).size();
       },
       samples},
      {"charts: songs, a week", charted(chart(S::song, now, hours(24 * 7))), samples},
      {"charts: songs, a week, channel 2", charted(chart(S::song, now, hours(24 * 7), 2)), samples},
      {"charts: songs, a year", charted(chart(S::song, now, hours(24 * 365))), samples},
      {"charts: artists, a week", charted(chart(S::artist, now, hours(24 * 7))), samples},
      {"charts: artists, a year", charted(chart(S::artist, now, hours(24 * 365))), samples},
      // What the web app asks on its charts page (30 days, every channel or one), and windows and
      // sizes the API allows beside it: the cut of a top 100 falls in the long tail of songs played
      // once or twice, and two months or a year of one channel are bounded by neither the week
      // lists nor the totals alone.
      {"charts: songs, 30 days", charted(chart(S::song, now, hours(24 * 30))), samples},
      {"charts: artists, 30 days", charted(chart(S::artist, now, hours(24 * 30))), samples},
      {"charts: songs, 30 days, channel 2", charted(chart(S::song, now, hours(24 * 30), 2)),
       samples},
      {"charts: artists, 30 days, channel 2", charted(chart(S::artist, now, hours(24 * 30), 2)),
       samples},
      {"charts: songs, a week, top 100",
       charted(chart(S::song, now, hours(24 * 7), {}, domain::kMaxChartSize)), samples, true},
      {"charts: artists, a week, top 100",
       charted(chart(S::artist, now, hours(24 * 7), {}, domain::kMaxChartSize)), samples, true},
      {"charts: songs, a day", charted(chart(S::song, now, hours(24))), samples},
      {"charts: artists, a day", charted(chart(S::artist, now, hours(24))), samples},
      {"charts: artists, three days", charted(chart(S::artist, now, hours(72))), samples},
      {"charts: songs, two months", charted(chart(S::song, now, hours(24 * 61))), samples},
      {"charts: songs, ten years, top 100",
       charted(chart(S::song, now, hours(24 * 3650), {}, domain::kMaxChartSize)), samples, true},
      {"charts: songs, ten years to a week ago, top 100",
       charted(chart(S::song, now - hours(24 * 7), hours(24 * 3650), {}, domain::kMaxChartSize)),
       samples, true},
      {"charts: artists, ten years, channel 2, top 100",
       charted(chart(S::artist, now, hours(24 * 3650), 2, domain::kMaxChartSize)), samples, true},
      {"charts: artists, 18 months to a week ago, channel 1, top 100",
       charted(chart(S::artist, now - hours(24 * 7), hours(24 * 548), 1, domain::kMaxChartSize)),
       samples, true},
      {"charts: artists, a year to a week ago, channel 1, top 100",
       charted(chart(S::artist, now - hours(24 * 7), hours(24 * 365), 1, domain::kMaxChartSize)),
       samples, true},
      {"charts: artists, two months, channel 2", charted(chart(S::artist, now, hours(24 * 61), 2)),
       samples},
      {"charts: artists, a year, channel 2", charted(chart(S::artist, now, hours(24 * 365), 2)),
       samples},
      // The original's own pages go by offset; each skips its offset on ids alone (timed apart:
      // a million index entries would push the other queries' pages out of SQLite's cache).
      {"deep page: history offset=1,000,000", rows(history([](auto& q) { q.offset = 1'000'000; })),
       samples, true},
      {"deep page: history, channel 2, offset=1,000,000",
       rows(history([](auto& q) { q.offset = 1'000'000, q.channel_id = 2; })), samples, true},
      {"deep page: history q: common word, offset=100,000",
       rows(history([&](auto& q) { q.text = corpus.common_word(), q.offset = 100'000; })), samples,
       true},
      {"deep page: songs offset=500,000",
       [&store] {
         return store.list_songs({std::nullopt, 500'000, 50}).size();
       },
       samples, true},
      {"deep page: artists offset=50,000",
       [&store] {
         return store.list_artists({std::nullopt, 50'000, 50}).size();
       },
       samples, true},
      {"LIKE '%rare word%' scan, for contrast",
       [&raw, like] { return static_cast<std::size_t>(raw.rows(like)); }, std::min(samples, 5)},
  };
}

// "Today's" recording cost is the same code writing into the database as it was before
// migration 0002: a copy taken right before it runs, reused by later runs.
std::unique_ptr<store::Store> open_version_one_copy(const Options& options,
                                                    std::unique_ptr<store::Store>& store) {
  const auto copy = options.target.copy_target();
  if (store->schema_version().current == 1) {
    store.reset();  // PostgreSQL copies by template: nothing may be connected to it
    const auto started = std::chrono::steady_clock::now();
    options.target.copy_database_to(copy);
    std::printf("%s: copied the database at schema version 1 in %.0f s\n",
                options.target.engine.c_str(), seconds_since(started));
    store = options.target.open_store();
  }
  if (!copy.has_database()) return nullptr;
  auto copied = copy.open_store();
  if (copied->schema_version().current == 1) return copied;
  return nullptr;
}

constexpr const char* kNewTitlePrefix = "Bench New - Track ";

// What a measurement recorded goes again (the delete triggers take it out of every rollup), so
// the next run on the same database times the same queries on the same data and records the
// same new songs: 12,000 airings left in the last hour by six runs made the week's charts
// 3-4x slower (thousands of artists a few plays nearer the top).
void remove_recorded(const EngineTarget& target, Id last_id_before, bool at_version_one) {
  auto raw = open_raw(target);
  raw->rows("DELETE FROM history WHERE id > " + std::to_string(last_id_before));
  // At schema version 1 PostgreSQL's history has no index on song_id, so the foreign key's check
  // of each deleted song read all of history (some 2 minutes for 800 songs at 10M airings); an
  // index built for the delete takes seconds and leaves the copy as it was.
  const bool index_for_delete = at_version_one && target.engine == "postgres";
  if (index_for_delete)
    raw->rows("CREATE INDEX bench_history_song_for_delete ON history (song_id)");
  raw->rows(std::string("DELETE FROM songs WHERE title LIKE '") + kNewTitlePrefix + "%'");
  if (index_for_delete) raw->rows("DROP INDEX bench_history_song_for_delete");
  // PostgreSQL: the pages those rows were on are no longer all-visible, and index-only scans read
  // the table behind their entries until a vacuum (a song search 21 -> 31 ms after one run).
  if (target.engine == "postgres") raw->rows("VACUUM");
}

// Alternates blocks on the migrated database and on its copy at schema version 1, so both see the
// same machine; every fifth title is a song never seen before. One block on each goes first,
// untimed: the ratio had moved from 1.3x to 4.3x between runs with whichever database's pages
// the last benchmark had left in memory. Each recording is timed on its own, so a median shows
// beside the mean (a checkpoint's or a cold page's outliers weigh in the mean only). Returns the
// line to print.
std::string measure_recording(store::Store& store, store::Store* version_one, const Corpus& corpus,
                              int recordings, const Options& options) {
  const auto& engine = options.target.engine;
  char line[400];
  if (!version_one) {
    std::snprintf(line, sizeof line,
                  "%-8s  recording one item: no copy of the database at schema version 1 to"
                  " compare with (seed afresh)\n",
                  engine.c_str());
    return line;
  }
  const Id last_id_before = store.latest_history_id();
  const Id copy_last_id_before = version_one->latest_history_id();
  const int block = std::max(1, recordings / 8);  // eight blocks, four of each kind
  std::vector<double> with_us, without_us;
  auto at = domain::now();
  const int blocks = 2 + recordings / block;  // the first two, one on each, untimed
  for (int k = 0; k < blocks; ++k) {
    const bool with_rollups = k % 2 == 0;
    auto& target = with_rollups ? store : *version_one;
    auto& times = with_rollups ? with_us : without_us;
    for (int n = k * block; n < (k + 1) * block; ++n) {
      const auto title = n % 5 == 0 ? kNewTitlePrefix + std::to_string(n)
                                    : corpus.title(1 + (n * 7919) % corpus.songs());
      at += std::chrono::microseconds(1);
      const auto started = std::chrono::steady_clock::now();
      target.record_title(1 + n % 3, title, at);
      if (k >= 2) times.push_back(seconds_since(started) * 1e6);
    }
  }
  const auto with = summarize(with_us);
  const auto without = summarize(without_us);
  std::snprintf(
      line, sizeof line,
      "%-8s  recording one item: %.0f µs with the search index and rollups, %.0f µs at schema"
      " version 1 (%.2f×; medians %.0f and %.0f µs, %.2f×; %zu recordings each after %d"
      " untimed)\n",
      engine.c_str(), with.mean, without.mean, with.mean / std::max(without.mean, 1e-9),
      with.median, without.median, with.median / std::max(without.median, 1e-9), with_us.size(),
      block);
  remove_recorded(options.target, last_id_before, false);
  remove_recorded(options.target.copy_target(), copy_last_id_before, true);
  return line;
}

int run(const Options& options) {
  const Corpus corpus(options.plan.songs);
  auto store = options.target.open_store();
  if (store->schema_version().current == 0)
    seed(options, *store, corpus);
  else
    std::printf("%s: reusing the seeded database\n", options.target.engine.c_str());
  const auto version_one = open_version_one_copy(options, store);
  migrate(options, *store);
  auto raw = open_raw(options.target);
  auto list = scenarios(*store, *raw, corpus, options.samples);
  std::erase_if(list,
                [&](const Scenario& s) { return s.name.find(options.only) == std::string::npos; });
  std::vector<std::size_t> rows(list.size(), 0);
  std::vector<Latency> latencies(list.size());
  std::string recording;
  // Recording is timed between the queries taken in turns and those timed apart, whose reads
  // (a million index entries skipped, 200,000 rollup rows summed) leave the caches cold for it:
  // after them it measured 1,186 against 192 µs on SQLite instead of some 260 against 56.
  for (const bool apart : {false, true}) {
    if (apart)
      recording = measure_recording(*store, version_one.get(), corpus, options.recordings, options);
    std::vector<std::size_t> group;
    std::vector<std::function<void()>> calls;
    std::vector<int> samples;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].apart != apart) continue;
      group.push_back(i);
      calls.push_back([&, i] { rows[i] = list[i].call(); });
      samples.push_back(list[i].samples);
    }
    const auto timed = measure_interleaved(calls, samples);
    for (std::size_t k = 0; k < group.size(); ++k) latencies[group[k]] = timed[k];
  }
  std::printf("%-8s  %-52s  %5s  %7s  %9s  %9s\n", "engine", "query", "rows", "samples", "p50 ms",
              "p99 ms");
  for (std::size_t i = 0; i < list.size(); ++i)
    std::printf("%-8s  %-52s  %5zu  %7d  %9.3f  %9.3f\n", options.target.engine.c_str(),
                list[i].name.c_str(), rows[i], latencies[i].samples, latencies[i].p50_ms,
                latencies[i].p99_ms);
  std::fputs(recording.c_str(), stdout);
  return 0;
}

}  // namespace

}  // namespace nicecream::bench

int main(int argc, char** argv) {
  nicecream::bench::Options options;
  CLI::App app{"Search, catalog and charts latency (store-level benchmark)"};
  nicecream::bench::add_engine_options(app, options.target);
  app.add_option("--items", options.plan.items, "history items to seed")
      ->check(CLI::Range(1, 100'000'000));
  app.add_option("--songs", options.plan.songs, "songs to seed")->check(CLI::Range(1, 10'000'000));
  app.add_option("--samples", options.samples, "timed calls per query")
      ->check(CLI::Range(1, 100'000));
  app.add_option("--recordings", options.recordings, "items recorded to time recording")
      ->check(CLI::Range(0, 1'000'000));
  app.add_option("--only", options.only, "time only the queries whose name contains this");
  CLI11_PARSE(app, argc, argv);
  try {
    return nicecream::bench::run(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_search: %s\n", error.what());
    return 1;
  }
}

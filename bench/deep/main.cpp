// Store-level latency of Store::list_history at depth: the first page, and keyset (`before`)
// pages 1 thousand, 1 million and 9 million items down, on a database seeded with 10 million
// items. OFFSET pages are timed too, for contrast (fewer samples: they scan what they skip).
// The pages are timed in turns (latency.hpp), so the machine's hiccups spread over all of them.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "lib/engine_target.hpp"
#include "lib/latency.hpp"
#include "seed.hpp"

namespace nicecream::bench {

namespace {

using domain::Id;

struct Options {
  EngineTarget target{"sqlite", "/tmp/nicecream-bench-deep", ""};
  SeedPlan plan;
  int samples = 200;
  bool seed_only = false;  // leave the seeded, migrated database for another benchmark
};

struct Scenario {
  std::string name;
  domain::HistoryQuery query;
  int samples;
};

domain::HistoryQuery page(std::optional<Id> channel, std::optional<Id> before, std::int64_t offset,
                          std::optional<Id> viewer) {
  domain::HistoryQuery query;
  query.channel_id = channel;
  query.before = before;
  query.offset = offset;
  query.viewer_user_id = viewer;
  return query;
}

std::vector<Scenario> scenarios(Id newest, Id viewer, std::int64_t items, int samples) {
  std::vector<Scenario> list{
      {"first page", page({}, {}, 0, {}), samples},
      {"first page, channel 2", page(2, {}, 0, {}), samples},
      {"first page, signed in", page({}, {}, 0, viewer), samples},
  };
  for (const std::int64_t depth : {1'000LL, 1'000'000LL, 9'000'000LL}) {
    if (depth >= items) continue;
    const auto label = depth >= 1'000'000 ? std::to_string(depth / 1'000'000) + "M"
                                          : std::to_string(depth / 1'000) + "k";
    const Id before = newest - depth;
    list.push_back({"before= at depth " + label, page({}, before, 0, {}), samples});
    list.push_back({"before= at depth " + label + ", channel 2", page(2, before, 0, {}), samples});
    list.push_back(
        {"before= at depth " + label + ", signed in", page({}, before, 0, viewer), samples});
  }
  for (const std::int64_t depth : {1'000LL, 1'000'000LL}) {
    if (depth >= items) continue;
    const auto label = depth >= 1'000'000 ? "1M" : "1k";
    list.push_back({std::string("offset= at depth ") + label + " (for contrast)",
                    page({}, {}, depth, {}), std::min(samples, 20)});
  }
  return list;
}

std::int64_t seed(const Options& options) {
  if (options.target.postgres()) return seed_postgres(options.target.conninfo, options.plan);
  return seed_sqlite(options.target.sqlite_file(), options.plan);
}

int run(const Options& options) {
  auto store = options.target.open_store();
  // Seeded at schema version 1; the later migrations then build their indexes and rollups once.
  store->migrate_to(1);
  const auto seeding_started = std::chrono::steady_clock::now();
  const auto items = seed(options);
  store->migrate();
  const std::chrono::duration<double> seeding = std::chrono::steady_clock::now() - seeding_started;
  std::printf("%s: %lld history items (seeding/check took %.1f s)\n", options.target.engine.c_str(),
              static_cast<long long>(items), seeding.count());
  if (options.seed_only) return 0;

  const Id newest = store->latest_history_id();
  const Id viewer = store->upsert_user({kViewerSub, "", "Bench", ""}).id;
  std::printf("store-level: Store::list_history called directly (no HTTP), 50 items a page\n");
  std::printf("%-8s  %-40s  %7s  %9s  %9s\n", "engine", "page", "samples", "p50 ms", "p99 ms");
  const auto list = scenarios(newest, viewer, items, options.samples);
  std::vector<std::size_t> rows(list.size(), 0);
  std::vector<std::function<void()>> calls;
  std::vector<int> samples;
  for (std::size_t i = 0; i < list.size(); ++i) {
    calls.push_back([&, i] { rows[i] = store->list_history(list[i].query).size(); });
    samples.push_back(list[i].samples);
  }
  const auto latencies = measure_interleaved(calls, samples);
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (rows[i] != static_cast<std::size_t>(domain::kDefaultPageSize)) {
      std::fprintf(stderr, "%s returned %zu items, expected a full page\n", list[i].name.c_str(),
                   rows[i]);
      return 1;
    }
    std::printf("%-8s  %-40s  %7d  %9.3f  %9.3f\n", options.target.engine.c_str(),
                list[i].name.c_str(), latencies[i].samples, latencies[i].p50_ms,
                latencies[i].p99_ms);
  }
  return 0;
}

}  // namespace

}  // namespace nicecream::bench

int main(int argc, char** argv) {
  nicecream::bench::Options options;
  CLI::App app{"Deep-page latency of Store::list_history (store-level benchmark)"};
  nicecream::bench::add_engine_options(app, options.target);
  app.add_option("--items", options.plan.items, "history items to seed")
      ->check(CLI::Range(1, 100'000'000));
  app.add_option("--samples", options.samples, "timed calls per page")
      ->check(CLI::Range(1, 100'000));
  app.add_flag("--seed-only", options.seed_only,
               "seed and migrate the database, then stop (bench/http/by_size serves it)");
  CLI11_PARSE(app, argc, argv);
  try {
    return nicecream::bench::run(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_deep_history: %s\n", error.what());
    return 1;
  }
}

// Crawls many emulated stations with the real Crawler and prints, per cycle, what one crawling
// process spends: CPU seconds, polls (ok / failed), new history items, how long the crawler's
// thread ran and waited for a CPU, resident memory, and the station emulators' CPU; then how long
// the first round (every station due at once) took.
//
//   crawl_bench --base http://127.0.0.1:PORT [--base ...] --stations 10000 --interval 30
//               --cycles 3 [--mix all|icy|other] [--emulator-pid PID ...] [--summary FILE]
//
// The stations are the emulators' station0..stationN-1 (tests/support/stations/emulator.py),
// spread over the bases in turn (station_mix.hpp). The store is a fresh SQLite file in a temp
// folder. A cycle is one interval of wall time from the crawler's start. The first also claims
// every channel and records every station's first title, so the summary row (appended to
// --summary as Markdown) is over the cycles after it.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "crawler/crawler.hpp"
#include "events/local/local_bus.hpp"
#include "poll_tally.hpp"
#include "process_usage.hpp"
#include "station_mix.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace {

using namespace nicecream;
using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

// How often the polls counter is read to see when the first round is complete.
constexpr auto kSamplePeriod = std::chrono::milliseconds(20);
// "Stations one core can poll every 30 s": the default interval.
constexpr double kDefaultIntervalSeconds = 30;

struct Options {
  std::vector<std::string> bases;
  int stations = 1000;
  double interval = 30;
  int cycles = 3;
  std::string mix = "all";
  std::vector<pid_t> emulator_pids;
  std::string summary_path;
};

// The running totals at one moment; a cycle is the difference of two.
struct Reading {
  Clock::time_point at;
  double cpu = 0;
  bench::PollTally polls;
  bench::PollTimes times;
  long long last_history_id = 0;
  std::vector<double> emulator_cpu;
  bench::ThreadTimes crawler_thread;
};

struct Usage {
  double wall = 0;
  double cpu = 0;
  std::uint64_t ok = 0;
  std::uint64_t failed = 0;
  double poll_seconds = 0;  // summed over the polls
  long long new_items = 0;
  double emulator_cpu = 0;
  double emulator_busiest = 0;  // the busiest emulator's CPU over the wall time
  bench::ThreadTimes crawler_thread;
  bench::ResidentMemory memory;

  std::uint64_t polls() const { return ok + failed; }
  double per_poll(double total) const { return polls() ? total / static_cast<double>(polls()) : 0; }
  double cpu_per_poll_us() const { return per_poll(cpu) * 1e6; }
  double mean_poll_ms() const { return per_poll(poll_seconds) * 1e3; }
  double busy() const { return wall > 0 ? cpu / wall : 0; }  // of one core
};

Reading read_now(store::Store& store, const std::vector<pid_t>& emulators, pid_t crawler_thread) {
  Reading reading{Clock::now(),
                  bench::own_cpu_seconds(),
                  bench::tally_polls(),
                  bench::poll_times(),
                  static_cast<long long>(store.latest_history_id()),
                  {},
                  bench::thread_times(crawler_thread)};
  for (const auto pid : emulators) reading.emulator_cpu.push_back(bench::cpu_seconds_of(pid));
  return reading;
}

Usage difference(const Reading& before, const Reading& after) {
  Usage usage;
  usage.wall = Seconds(after.at - before.at).count();
  usage.cpu = after.cpu - before.cpu;
  usage.ok = after.polls.ok - before.polls.ok;
  usage.failed = after.polls.failed - before.polls.failed;
  usage.poll_seconds = after.times.seconds - before.times.seconds;
  usage.new_items = after.last_history_id - before.last_history_id;
  for (std::size_t i = 0; i < after.emulator_cpu.size(); ++i) {
    const auto used = after.emulator_cpu[i] - before.emulator_cpu[i];
    usage.emulator_cpu += used;
    if (usage.wall > 0)
      usage.emulator_busiest = std::max(usage.emulator_busiest, used / usage.wall);
  }
  usage.crawler_thread = {after.crawler_thread.ran - before.crawler_thread.ran,
                          after.crawler_thread.waited - before.crawler_thread.waited};
  usage.memory = bench::own_memory();
  return usage;
}

double mebibytes(long kib) {
  return static_cast<double>(kib) / 1024;
}

void print_cycle_header() {
  std::printf(
      "| cycle | polls | ok | failed | new items | crawler CPU s | of one core | CPU per poll µs "
      "| mean poll ms | crawler thread ran / waited for a CPU s | RSS / peak MiB | emulator CPU s "
      "(busiest) |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
}

void print_cycle(int number, const Usage& cycle) {
  std::printf(
      "| %d | %llu | %llu | %llu | %lld | %.3f | %.0f %% | %.1f | %.1f | %.2f / %.2f | %.1f / %.1f "
      "| %.2f (%.0f %%) |\n",
      number, static_cast<unsigned long long>(cycle.polls()),
      static_cast<unsigned long long>(cycle.ok), static_cast<unsigned long long>(cycle.failed),
      cycle.new_items, cycle.cpu, cycle.busy() * 100, cycle.cpu_per_poll_us(), cycle.mean_poll_ms(),
      cycle.crawler_thread.ran, cycle.crawler_thread.waited, mebibytes(cycle.memory.rss_kib),
      mebibytes(cycle.memory.peak_kib), cycle.emulator_cpu, cycle.emulator_busiest * 100);
  std::fflush(stdout);
}

// The first round: from the start until every station was polled once.
std::string describe_first_round(const std::optional<Usage>& round) {
  if (!round) return "not done within the run";
  char text[200];
  std::snprintf(text, sizeof text,
                "%.1f s (crawler %.0f %% of one core; its thread ran %.1f s, waited for a CPU "
                "%.1f s; busiest emulator %.0f %%)",
                round->wall, round->busy() * 100, round->crawler_thread.ran,
                round->crawler_thread.waited, round->emulator_busiest * 100);
  return text;
}

std::string seconds_or_not_done(const std::optional<Usage>& round) {
  if (!round) return "not done";
  char text[80];
  std::snprintf(text, sizeof text, "%.1f s (ran %.1f s, waited %.1f s)", round->wall,
                round->crawler_thread.ran, round->crawler_thread.waited);
  return text;
}

// The cycles after the first (all of them when there is only one), added up.
Usage total_of(const std::vector<Usage>& cycles) {
  Usage total;
  for (std::size_t i = cycles.size() > 1 ? 1 : 0; i < cycles.size(); ++i) {
    const auto& cycle = cycles[i];
    total.wall += cycle.wall;
    total.cpu += cycle.cpu;
    total.ok += cycle.ok;
    total.failed += cycle.failed;
    total.poll_seconds += cycle.poll_seconds;
    total.new_items += cycle.new_items;
    total.emulator_cpu += cycle.emulator_cpu;
    total.emulator_busiest = std::max(total.emulator_busiest, cycle.emulator_busiest);
  }
  total.memory = cycles.back().memory;
  return total;
}

// One Markdown row: | mix | stations | interval | first round | cycles | crawler CPU per cycle |
// of one core | per poll | polls ok / failed per cycle | new items per cycle | mean poll |
// peak RSS | emulator CPU per cycle (busiest) | stations one core polls every 30 s |
std::string summary_row(const Options& options, const std::vector<Usage>& cycles,
                        const std::optional<Usage>& first_round) {
  const auto total = total_of(cycles);
  const auto counted = static_cast<double>(cycles.size() > 1 ? cycles.size() - 1 : 1);
  const auto per_cycle = [&](double value) { return value / counted; };
  // Behind: some station was not polled in every cycle.
  const bool behind = total.polls() < static_cast<std::uint64_t>(options.stations * counted);
  const auto per_core =
      total.cpu_per_poll_us() > 0 ? kDefaultIntervalSeconds * 1e6 / total.cpu_per_poll_us() : 0.0;
  char row[640];
  std::snprintf(row, sizeof row,
                "| %s | %d | %.0f s | %s | %zu | %.3f | %.0f %% | %.1f | %.0f / %.0f%s | %.0f | "
                "%.1f | %.1f | %.2f (%.0f %%) | %.0f |",
                options.mix.c_str(), options.stations, options.interval,
                seconds_or_not_done(first_round).c_str(), cycles.size(), per_cycle(total.cpu),
                total.busy() * 100, total.cpu_per_poll_us(),
                per_cycle(static_cast<double>(total.ok)),
                per_cycle(static_cast<double>(total.failed)), behind ? " (behind)" : "",
                per_cycle(static_cast<double>(total.new_items)), total.mean_poll_ms(),
                mebibytes(total.memory.peak_kib), per_cycle(total.emulator_cpu),
                total.emulator_busiest * 100, per_core);
  return row;
}

crawler::CrawlerSettings settings_for(const Options& options) {
  crawler::CrawlerSettings settings;  // the defaults `nicecream` runs with, but the interval
  settings.interval = std::chrono::milliseconds(static_cast<long>(options.interval * 1000));
  settings.backoff_interval = settings.interval * 10;
  settings.user_agent = "NicecreamHistory/bench";
  settings.allow_private_targets = true;  // NICECREAM_ALLOW_PRIVATE_TARGETS: stations on loopback
  settings.lease_ttl = std::max<std::chrono::seconds>(
      std::chrono::seconds(90),
      std::chrono::duration_cast<std::chrono::seconds>(settings.interval * 3));
  settings.lease_owner = "bench";
  return settings;
}

struct Run {
  std::vector<Usage> cycles;
  std::optional<Usage> first_round;
};

Run crawl(store::Store& store, const Options& options) {
  events::LocalBus bus;
  const auto settings = settings_for(options);
  crawler::Crawler crawler(store, bus, settings);
  Run run;
  std::atomic<pid_t> crawler_thread{0};
  std::jthread thread([&](std::stop_token stop) {
    crawler_thread = gettid();
    crawler_thread.notify_one();
    crawler.run(stop);
  });
  crawler_thread.wait(0);
  const auto read = [&] { return read_now(store, options.emulator_pids, crawler_thread); };
  const auto start = read();
  auto before = start;
  for (int number = 1; number <= options.cycles; ++number) {
    const auto end = start.at + number * settings.interval;
    while (Clock::now() < end) {
      std::this_thread::sleep_for(std::min<Clock::duration>(kSamplePeriod, end - Clock::now()));
      if (!run.first_round &&
          bench::poll_times().count >= static_cast<std::uint64_t>(options.stations))
        run.first_round = difference(start, read());
    }
    const auto after = read();
    run.cycles.push_back(difference(before, after));
    print_cycle(number, run.cycles.back());
    before = after;
  }
  return run;
}

int run(const Options& options) {
  const auto mix = bench::parse_mix(options.mix);
  char pattern[] = "/tmp/nicecream-crawl-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 1;
  const std::filesystem::path data_dir = pattern;
  int status = 0;
  {
    auto store = store::sqlite::open_sqlite_store(data_dir);
    store->migrate();
    bench::add_stations(*store, options.bases, options.stations, mix);
    std::printf("%d stations (%s), interval %.0f s, %zu emulator process(es)\n\n", options.stations,
                options.mix.c_str(), options.interval, options.bases.size());
    print_cycle_header();
    const auto result = crawl(*store, options);
    std::printf("\nfirst round (every station due at once, first titles recorded): %s\n",
                describe_first_round(result.first_round).c_str());
    const auto row = summary_row(options, result.cycles, result.first_round);
    std::printf("summary (cycles after the first):\n%s\n", row.c_str());
    if (!options.summary_path.empty())
      std::ofstream(options.summary_path, std::ios::app) << row << "\n";
    if (store->latest_history_id() == 0) {
      std::fprintf(stderr, "nothing was recorded: are the emulators running?\n");
      status = 1;
    }
  }
  std::filesystem::remove_all(data_dir);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"The crawler's CPU and memory per cycle over emulated stations"};
  Options options;
  app.add_option("--base", options.bases, "a station emulator, http://127.0.0.1:PORT")
      ->required()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--stations", options.stations, "how many stations")->check(CLI::PositiveNumber);
  app.add_option("--interval", options.interval, "seconds between polls of a station")
      ->check(CLI::PositiveNumber);
  app.add_option("--cycles", options.cycles, "cycles to measure")->check(CLI::PositiveNumber);
  app.add_option("--mix", options.mix, "formats: all, icy or other");
  app.add_option("--emulator-pid", options.emulator_pids, "an emulator process, for its CPU")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--summary", options.summary_path, "append the summary row to this file");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::err);  // a station's failure is counted, not logged
  try {
    return run(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "crawl_bench: %s\n", error.what());
    return 1;
  }
}

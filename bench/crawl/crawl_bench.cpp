// Crawls many emulated stations and prints the CPU time the crawling process spends per cycle.
//
//   crawl_bench --base http://127.0.0.1:PORT --stations 1000 --interval 30 --cycles 5
//
// The stations are the emulator's station0..stationN-1 (tests/support/stations/emulator.py with
// --stations N), spread over every format. The store is a fresh SQLite file in a temp folder.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "crawler/crawler.hpp"
#include "events/local/local_bus.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace {

using namespace nicecream;

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// One resource per format, in turn; every tenth station is an ICY stream.
std::string resource_for(int index) {
  constexpr std::array<const char*, 6> kResources{
      "display.js", "status-json.xsl", "currentsong", "stats?sid=1&json=1", "7.html", "nowplaying"};
  if (index % 10 == 9) return "stream";
  return kResources[static_cast<std::size_t>(index) % kResources.size()];
}

void add_stations(store::Store& store, const std::string& base, int count) {
  for (const auto& seeded : store.list_channels()) store.remove_channel(seeded.id);
  for (int i = 0; i < count; ++i) {
    const auto station = "station" + std::to_string(i);
    auto url = base + "/" + station + "/" + resource_for(i);
    if (resource_for(i) == "status-json.xsl") url += "#/" + station;
    store.add_channel({"s" + std::to_string(i), url, "auto", ""});
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Crawler CPU time per cycle over emulated stations"};
  std::string base;
  int stations = 1000;
  double interval = 30;
  int cycles = 5;
  app.add_option("--base", base, "station emulator, http://127.0.0.1:PORT")->required();
  app.add_option("--stations", stations, "how many stations");
  app.add_option("--interval", interval, "seconds between polls of a station");
  app.add_option("--cycles", cycles, "cycles to measure");
  CLI11_PARSE(app, argc, argv);

  spdlog::set_level(spdlog::level::warn);
  char pattern[] = "/tmp/nicecream-crawl-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 1;
  const std::filesystem::path data_dir = pattern;
  int status = 0;
  {
    auto store = store::sqlite::open_sqlite_store(data_dir);
    store->migrate();
    add_stations(*store, base, stations);
    events::LocalBus bus;

    crawler::CrawlerSettings settings;
    settings.interval = std::chrono::milliseconds(static_cast<long>(interval * 1000));
    settings.backoff_interval = settings.interval * 10;
    settings.user_agent = "NicecreamHistory/bench";
    settings.allow_private_targets = true;  // the emulated stations are on loopback
    settings.lease_ttl = std::chrono::seconds(90);
    settings.lease_owner = "bench";
    crawler::Crawler crawler(*store, bus, settings);

    std::printf("stations %d, interval %.1f s\n", stations, interval);
    std::printf("%6s %12s %14s\n", "cycle", "cpu_seconds", "new_history");
    const auto start_cpu = cpu_seconds();
    auto last_cpu = start_cpu;
    auto last_id = store->latest_history_id();
    std::jthread thread([&](std::stop_token stop) { crawler.run(stop); });
    for (int cycle = 1; cycle <= cycles; ++cycle) {
      std::this_thread::sleep_for(settings.interval);
      const auto cpu = cpu_seconds();
      const auto id = store->latest_history_id();
      std::printf("%6d %12.3f %14lld\n", cycle, cpu - last_cpu,
                  static_cast<long long>(id - last_id));
      std::fflush(stdout);
      last_cpu = cpu;
      last_id = id;
    }
    thread.request_stop();
    thread.join();
    std::printf("mean cpu_seconds per cycle: %.3f\n", (last_cpu - start_cpu) / cycles);
    if (store->latest_history_id() == 0) {
      std::fprintf(stderr, "nothing was recorded: is the emulator at %s?\n", base.c_str());
      status = 1;
    }
  }
  std::filesystem::remove_all(data_dir);
  return status;
}

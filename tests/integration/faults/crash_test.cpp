// kill -9 in the middle of heavy recording (many stations, each with a new title every poll),
// with a live client listening: nothing the client was told about is lost, nothing is recorded
// twice, the SQLite file is sound after the restart, and a new crawler takes over.
#include <gtest/gtest.h>
#include <signal.h>

#include <functional>
#include <map>
#include <set>

#include "event_recorder.hpp"
#include "fault_settings.hpp"
#include "http_probe.hpp"
#include "prepared_store.hpp"
#include "server/eventually.hpp"
#include "server/server_process.hpp"
#include "sqlite_integrity.hpp"
#include "station_farm.hpp"
#include "support/postgres/test_database.hpp"

namespace nicecream::testing {
namespace {

using namespace std::chrono_literals;

constexpr int kStations = 60;
constexpr double kNewTitleEvery = 0.1;  // seconds: every poll sees a new title
constexpr std::size_t kHeavily = 300;   // items heard before the kill: recording is in full swing
// A crawler that dies keeps its leases this long; the next one takes its channels after that.
constexpr const char* kLeaseSeconds = "3";

std::vector<domain::NewChannel> farm_channels(const StationFarm& farm) {
  std::vector<domain::NewChannel> channels;
  for (int i = 0; i < farm.count(); ++i)
    channels.push_back(voscast_channel(StationFarm::name(i), farm.url(i)));
  return channels;
}

// Every item a live client heard is in /history, as it was heard.
void expect_all_recorded(const std::vector<Item>& heard, const std::vector<Item>& history) {
  std::map<domain::Id, Item> by_id;
  for (const auto& item : history) by_id[item.id] = item;
  std::size_t missing = 0;
  for (const auto& item : heard) {
    const auto found = by_id.find(item.id);
    if (found == by_id.end() || found->second != item) {
      if (++missing <= 5) ADD_FAILURE() << "heard but not in /history as heard: " << item;
    }
  }
  EXPECT_EQ(missing, 0u) << "of " << heard.size() << " items heard";
}

// Exactly-once recording: no channel has the same title twice in a row, and no id repeats.
void expect_no_repeats(const std::vector<Item>& history) {
  std::map<domain::Id, std::string> latest;
  std::set<domain::Id> ids;
  for (const auto& item : history) {
    EXPECT_TRUE(ids.insert(item.id).second) << "id twice: " << item;
    auto& previous = latest[item.channel_id];
    EXPECT_NE(previous, item.song_title) << "recorded twice in a row: " << item;
    previous = item.song_title;
  }
}

// Waits until recording is in full swing, then kills `process` the moment a new item is heard:
// the crawler records a poll's titles one after another, so it is in the middle of that burst.
void kill_mid_burst(ServerProcess& process, EventRecorder& live) {
  ASSERT_TRUE(live.wait_for(kHeavily, 90s)) << "heard only " << live.count() << "\n"
                                            << process.log();
  ASSERT_TRUE(live.wait_for(live.count() + 1, 30s));
  process.signal(SIGKILL);
  EXPECT_EQ(process.wait(), 128 + SIGKILL);
}

class Crash : public ::testing::Test {
 protected:
  StationFarm farm_{kStations, kNewTitleEvery};
};

TEST_F(Crash, KillingServeWithItsCrawlerLosesNothingCommittedAndLeavesASoundFile) {
  TempDir root;
  const auto data_dir = (root.path() / "data").string();
  prepare_sqlite(data_dir, farm_channels(farm_));
  auto server =
      ServerProcess::start_server(crawling_every_second({{"NICECREAM_DATA_DIR", data_dir}}));
  EventRecorder live(server->port());
  ASSERT_EQ(live.status(), 200);
  ASSERT_NO_FATAL_FAILURE(kill_mid_burst(*server, live));
  ASSERT_TRUE(eventually([&] { return live.ended(); }, 10s));
  const auto heard = live.items();

  auto restarted = ServerProcess::start_server({{"NICECREAM_DATA_DIR", data_dir}});
  EXPECT_EQ(integrity_check(data_dir), "ok");
  const auto history = all_history(restarted->port());
  expect_all_recorded(heard, history);
  expect_no_repeats(history);
}

// serve (no crawler) streams live updates that a separate crawl process publishes through Redis;
// that process is killed -9 mid-recording and a successor started. `check_store` runs after each.
void kill_the_crawler_midway(const Environment& shared, const std::function<void()>& check_store) {
  auto crawl_env = crawling_every_second(shared);
  crawl_env["NICECREAM_CRAWLER_LEASE_TTL"] = kLeaseSeconds;
  auto server = ServerProcess::start_server(shared);
  EventRecorder live(server->port(), shared.at("REDIS_CHANNEL"));
  ASSERT_EQ(live.status(), 200);
  {
    ServerProcess crawl({"crawl"}, crawl_env);
    ASSERT_NO_FATAL_FAILURE(kill_mid_burst(crawl, live));
  }
  check_store();
  expect_all_recorded(live.items(), all_history(server->port()));

  const auto before = live.count();
  ServerProcess successor({"crawl"}, crawl_env);
  ASSERT_TRUE(live.wait_for(before + kStations, 90s)) << successor.log();
  successor.signal(SIGTERM);
  EXPECT_EQ(successor.wait(30s), 0) << successor.log();

  check_store();
  const auto history = all_history(server->port());
  expect_all_recorded(live.items(), history);
  expect_no_repeats(history);
  EXPECT_FALSE(live.ended()) << "serve kept streaming through both crawlers";
}

TEST_F(Crash, KillingTheCrawlProcessOnSqliteLosesNothingAndANewCrawlerTakesOver) {
  TempDir root;
  const auto data_dir = (root.path() / "data").string();
  prepare_sqlite(data_dir, farm_channels(farm_));
  kill_the_crawler_midway(with_test_redis({{"NICECREAM_DATA_DIR", data_dir}}), [&] {
    EXPECT_EQ(integrity_check(data_dir), "ok") << "with serve still reading the file";
  });
}

TEST_F(Crash, KillingTheCrawlProcessOnPostgresLosesNothingAndANewCrawlerTakesOver) {
  support::postgres::TestDatabase database;  // first: dropped after every process here is gone
  prepare_postgres(database.conninfo(), farm_channels(farm_));
  kill_the_crawler_midway(with_test_redis({{"DATABASE_URL", database.conninfo()}}), [] {});
}

}  // namespace
}  // namespace nicecream::testing

// The crawler's metrics as /metrics shows them: polls by channel and result, their duration, and
// the history items each channel recorded (serve with its crawler, the station emulator); and a
// `crawl` process's own /metrics and /healthz on NICECREAM_CRAWL_METRICS_PORT.
#include <gtest/gtest.h>

#include <string>

#include "fault_settings.hpp"
#include "http_probe.hpp"
#include "prepared_store.hpp"
#include "server/eventually.hpp"
#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

// The value of one sample line, e.g. `name{labels}`; -1 when the exposition has none.
double sample(const std::string& exposition, const std::string& series) {
  const auto at = exposition.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(exposition.substr(at + series.size() + 2));
}

TEST(CrawlerMetrics, PollsByResultAndItemsByChannel) {
  StationEmulator emulator;
  emulator.set_title("steady", "Steady - First");
  emulator.set_mode("broken", "500");
  TempDir root;
  const auto data_dir = (root.path() / "data").string();
  prepare_sqlite(data_dir, {voscast_channel("steady", emulator.url("steady", "display.js")),
                            voscast_channel("broken", emulator.url("broken", "display.js"))});
  auto server =
      ServerProcess::start_server(crawling_every_second({{"NICECREAM_DATA_DIR", data_dir}}));

  std::string text;
  const auto polled = [&] {
    text = get_within(server->port(), "/metrics").body;
    return sample(text, R"(nicecream_crawler_polls_total{channel="steady",result="ok"})") >= 2 &&
           sample(text, R"(nicecream_crawler_polls_total{channel="broken",result="failed"})") >= 1;
  };
  ASSERT_TRUE(eventually(polled)) << text << "\n" << server->log();
  EXPECT_EQ(sample(text, R"(nicecream_crawler_polls_total{channel="broken",result="ok"})"), -1)
      << text;
  EXPECT_EQ(sample(text, R"(nicecream_history_items_total{channel="steady"})"), 1) << text;

  EventStreamClient live(server->port(), "/history/events");
  ASSERT_EQ(live.status(), 200);
  emulator.set_title("steady", "Steady - Second");
  ASSERT_TRUE(eventually([&] {
    text = get_within(server->port(), "/metrics").body;
    return sample(text, R"(nicecream_history_items_total{channel="steady"})") == 2;
  })) << text;
  EXPECT_GE(sample(text, "nicecream_crawler_poll_duration_seconds_count"), 3) << text;
  EXPECT_EQ(sample(text, R"(nicecream_history_items_total{channel="broken"})"), -1) << text;
  // The new item went to the open stream's queue.
  ASSERT_TRUE(live.next_event().has_value());
  text = get_within(server->port(), "/metrics").body;
  EXPECT_GE(sample(text, "nicecream_sse_deliveries_total"), 1) << text;
  EXPECT_EQ(sample(text, "nicecream_sse_streams"), 1) << text;
  EXPECT_EQ(sample(text, "nicecream_sse_dropped_total"), 0) << "no stream fell behind\n" << text;
  // Both items reached the hub (the first before the stream opened); the second (and any status
  // change since the stream opened) had a stream to walk to.
  EXPECT_EQ(sample(text, "nicecream_live_item_age_seconds_count"), 2) << text;
  EXPECT_GE(sample(text, "nicecream_live_fanout_duration_seconds_count"), 1) << text;
}

// A crawl process (scale-out: no API of its own) is scraped on a port of its own: its polls and
// recordings, as serve's would show them; only /metrics and /healthz are there.
TEST(CrawlerMetrics, ACrawlProcessAnswersOnItsOwnPort) {
  StationEmulator emulator;
  emulator.set_title("steady", "Steady - First");
  TempDir root;
  const auto data_dir = (root.path() / "data").string();
  prepare_sqlite(data_dir, {voscast_channel("steady", emulator.url("steady", "display.js"))});
  auto crawler =
      ServerProcess::start_crawler(crawling_every_second({{"NICECREAM_DATA_DIR", data_dir}}));
  HttpClient client(crawler->port());

  std::string text;
  ASSERT_TRUE(eventually([&] {
    text = client.get("/metrics").body;
    return sample(text, R"(nicecream_crawler_polls_total{channel="steady",result="ok"})") >= 1 &&
           sample(text, R"(nicecream_history_items_total{channel="steady"})") == 1;
  })) << text
      << "\n"
      << crawler->log();
  EXPECT_NE(text.find("\nnicecream_build_info{version=\""), std::string::npos) << text;
  const auto health = client.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_EQ(client.get("/history").status, 404);
  const auto posted = client.request("POST", "/metrics");
  EXPECT_EQ(posted.status, 405);
  EXPECT_EQ(posted.header("allow"), "GET");
}

TEST(CrawlerMetrics, ACrawlProcessWantsTheMetricsTokenWhenOneIsSet) {
  TempDir root;
  auto crawler = ServerProcess::start_crawler(
      {{"NICECREAM_DATA_DIR", (root.path() / "data").string()}, {"API_METRICS_TOKEN", "s3cret"}});
  HttpClient client(crawler->port());
  EXPECT_EQ(client.get("/metrics").status, 401);
  EXPECT_EQ(client.get("/metrics", {{"Authorization", "Bearer wrong"}}).status, 401);
  EXPECT_EQ(client.get("/metrics", {{"Authorization", "Bearer s3cret"}}).status, 200);
  EXPECT_FALSE(crawler->log_contains("s3cret", std::chrono::milliseconds{1200}))
      << "the token is never logged";
}

}  // namespace
}  // namespace nicecream::testing

// GET /metrics on the real binary: what promtool accepts and a real Prometheus scrapes, counted
// by route template, and only for whom it is meant (a bearer token, or loopback without one).
#include <gtest/gtest.h>

#include "http_probe.hpp"
#include "integration/api/server_fixture.hpp"
#include "prometheus_server.hpp"
#include "server/eventually.hpp"

namespace nicecream::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class MetricsTest : public OnEachEngine<> {};

TEST_P(MetricsTest, PromtoolAcceptsTheExpositionAndEveryNamedMetricIsThere) {
  start();
  ASSERT_EQ(client->get("/channels").status, 200);
  ASSERT_EQ(client->get("/songs/1").status, 404);
  ASSERT_EQ(client->get("/no/such/page").status, 404);
  EventStreamClient stream(server->port(), "/history/events");
  ASSERT_EQ(stream.status(), 200);

  // The stream counts itself once its headers are out, a moment after the client reads them.
  HttpResponse answer;
  EXPECT_TRUE(eventually([&] {
    answer = client->get("/metrics");
    return contains(answer.body, "nicecream_sse_streams 1\n");
  })) << answer.body;
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const auto checked = promtool_check_metrics(answer.body);
  EXPECT_EQ(checked.exit_code, 0) << checked.output << "\n" << answer.body;

  const auto& text = answer.body;
  for (const auto* name :
       {"nicecream_http_requests_total", "nicecream_http_request_duration_seconds",
        "nicecream_sse_streams", "nicecream_sse_deliveries_total", "nicecream_sse_dropped_total",
        "nicecream_live_item_age_seconds", "nicecream_live_fanout_duration_seconds",
        "nicecream_crawler_polls_total", "nicecream_crawler_poll_duration_seconds",
        "nicecream_history_items_total", "nicecream_store_call_duration_seconds",
        "nicecream_blocking_pool_queue", "nicecream_build_info"})
    EXPECT_TRUE(contains(text, std::string("# TYPE ") + name + " ")) << name << "\n" << text;
  // Routes by template, never by raw path; what no route answers is one series.
  EXPECT_TRUE(contains(
      text, R"(nicecream_http_requests_total{route="/channels",method="GET",status="200"} 1)"))
      << text;
  EXPECT_TRUE(contains(
      text,
      R"(nicecream_http_requests_total{route="/songs/{song_id:int}",method="GET",status="404"} 1)"))
      << text;
  EXPECT_TRUE(
      contains(text, R"(nicecream_http_requests_total{route="other",method="GET",status="404"} 1)"))
      << text;
  EXPECT_FALSE(contains(text, "/no/such/page")) << text;
  EXPECT_FALSE(contains(text, "route=\"/songs/1\"")) << text;
  const auto engine = GetParam() == Engine::postgres ? "postgres" : "sqlite";
  EXPECT_TRUE(contains(
      text, std::string("nicecream_store_call_duration_seconds_count{engine=\"") + engine + "\"}"))
      << text;
  EXPECT_TRUE(contains(text, "nicecream_build_info{version=\"")) << text;
}

TEST_P(MetricsTest, ATokenIsRequiredOnceOneIsSet) {
  const std::string token = "metrics-token-of-this-test-0123456789";
  start({{"API_METRICS_TOKEN", token}});
  const auto without = client->get("/metrics");
  EXPECT_EQ(without.status, 401);
  EXPECT_EQ(without.header("www-authenticate"), "Bearer");
  EXPECT_TRUE(without.json().as_object().contains("detail"));
  EXPECT_EQ(client->get("/metrics", {{"Authorization", "Bearer wrong"}}).status, 401);
  EXPECT_EQ(client->get("/metrics", {{"Authorization", "Bearer " + token + "x"}}).status, 401);
  EXPECT_EQ(client->get("/metrics", {{"Authorization", token}}).status, 401);
  EXPECT_EQ(client->get("/metrics", {{"Authorization", "Bearer " + token}}).status, 200);
  EXPECT_FALSE(server->log_contains(token, std::chrono::milliseconds{1500})) << server->log();
}

TEST_P(MetricsTest, APrometheusServerScrapesItAndSeesTheCounterGrow) {
  const std::string token = "scrape-token-of-this-test-9876543210";
  start({{"API_METRICS_TOKEN", token}});
  PrometheusServer prometheus(free_port(), "127.0.0.1:" + std::to_string(server->port()), token);
  constexpr int kRequests = 7;
  for (int i = 0; i < kRequests; ++i) ASSERT_EQ(client->get("/channels").status, 200);
  const auto expression =
      R"(nicecream_http_requests_total{job="nicecream",route="/channels",status="200"})";
  std::optional<double> seen;
  EXPECT_TRUE(eventually(
      [&] {
        seen = prometheus.query(expression);
        return seen && *seen >= kRequests;
      },
      std::chrono::seconds{60}))
      << (seen ? std::to_string(*seen) : "no sample") << "\n"
      << prometheus.log();
  EXPECT_EQ(prometheus.query(R"(up{job="nicecream"})"), 1.0) << prometheus.log();
}

INSTANTIATE_TEST_SUITE_P(Engines, MetricsTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

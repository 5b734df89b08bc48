// The Prometheus text format as written for GET /metrics (promtool checks the real output in
// tests/integration/ops).
#include "metrics/exposition.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace nicecream::metrics {
namespace {

TEST(Exposition, CountersAndGaugesWithAndWithoutLabels) {
  Registry registry;
  registry.counter("app_requests_total", "Requests answered", {"route", "method"})
      .with({"/history", "GET"})
      .add(3);
  registry.gauge("app_streams", "Streams open").with({}).set(2);
  EXPECT_EQ(registry.expose(),
            "# HELP app_requests_total Requests answered\n"
            "# TYPE app_requests_total counter\n"
            "app_requests_total{route=\"/history\",method=\"GET\"} 3\n"
            "# HELP app_streams Streams open\n"
            "# TYPE app_streams gauge\n"
            "app_streams 2\n");
}

TEST(Exposition, AFamilyWithoutSeriesStillDeclaresItself) {
  Registry registry;
  registry.counter("app_dropped_total", "Dropped");
  EXPECT_EQ(registry.expose(),
            "# HELP app_dropped_total Dropped\n# TYPE app_dropped_total counter\n");
}

TEST(Exposition, HistogramsAreCumulativeWithSumAndCount) {
  Registry registry;
  auto& seconds = registry.histogram("app_seconds", "Time", {"route"}, {0.25, 0.005});
  seconds.with({"/x"}).observe(0.001);
  seconds.with({"/x"}).observe(0.1);
  seconds.with({"/x"}).observe(2);
  EXPECT_EQ(registry.expose(),
            "# HELP app_seconds Time\n"
            "# TYPE app_seconds histogram\n"
            "app_seconds_bucket{route=\"/x\",le=\"0.005\"} 1\n"
            "app_seconds_bucket{route=\"/x\",le=\"0.25\"} 2\n"
            "app_seconds_bucket{route=\"/x\",le=\"+Inf\"} 3\n"
            "app_seconds_sum{route=\"/x\"} 2.101\n"
            "app_seconds_count{route=\"/x\"} 3\n");
}

TEST(Exposition, LabelValuesAndHelpAreEscaped) {
  EXPECT_EQ(escape_label_value("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  Registry registry;
  registry.counter("app_total", "Line one\nback\\slash", {"channel"})
      .with({"Radio \"Quoted\""})
      .add();
  EXPECT_EQ(registry.expose(),
            "# HELP app_total Line one\\nback\\\\slash\n"
            "# TYPE app_total counter\n"
            "app_total{channel=\"Radio \\\"Quoted\\\"\"} 1\n");
}

TEST(Exposition, ValuesInTheFormatsSpelling) {
  EXPECT_EQ(format_value(0.005), "0.005");
  EXPECT_EQ(format_value(10), "10");
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_value(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_value(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

}  // namespace
}  // namespace nicecream::metrics

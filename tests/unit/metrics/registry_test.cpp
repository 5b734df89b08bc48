// The registry: series by label values, counted from many threads without losing a count.
#include "metrics/registry.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace nicecream::metrics {
namespace {

TEST(Registry, TheSameLabelValuesGiveTheSameSeries) {
  Registry registry;
  auto& requests = registry.counter("requests_total", "Requests", {"route", "status"});
  requests.with({"/history", "200"}).add();
  requests.with({"/history", "200"}).add(2);
  requests.with({"/history", "404"}).add();
  EXPECT_EQ(requests.with({"/history", "200"}).value(), 3u);
  EXPECT_EQ(requests.with({"/history", "404"}).value(), 1u);
  EXPECT_EQ(requests.with({"/channels", "200"}).value(), 0u);
}

TEST(Registry, AskingTwiceForANameGivesTheSameFamily) {
  Registry registry;
  auto& first = registry.counter("polls_total", "Polls", {"channel"});
  auto& second = registry.counter("polls_total", "Polls", {"channel"});
  EXPECT_EQ(&first, &second);
  EXPECT_THROW(registry.gauge("polls_total", "Polls"), std::logic_error);
}

TEST(Registry, LabelValuesThatContainEachOthersTextStayApart) {
  Registry registry;
  auto& family = registry.counter("pairs_total", "Pairs", {"a", "b"});
  family.with({"ab", ""}).add();
  family.with({"a", "b"}).add(5);
  EXPECT_EQ(family.with({"ab", ""}).value(), 1u);
  EXPECT_EQ(family.with({"a", "b"}).value(), 5u);
}

TEST(Registry, ConcurrentCountingLosesNothing) {
  Registry registry;
  auto& family = registry.counter("hits_total", "Hits", {"route"});
  auto& seconds = registry.histogram("seconds", "Seconds", {"route"}, {0.1, 1});
  constexpr int kThreads = 8;
  constexpr int kEach = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      // Half the threads share one series, the others make new ones as they go.
      const auto route = t % 2 == 0 ? std::string("/shared") : "/own/" + std::to_string(t);
      for (int i = 0; i < kEach; ++i) {
        family.with({route}).add();
        seconds.with({"/shared"}).observe(0.5);
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(family.with({"/shared"}).value(), static_cast<std::uint64_t>(kThreads / 2 * kEach));
  EXPECT_EQ(family.with({"/own/1"}).value(), static_cast<std::uint64_t>(kEach));
  const auto snapshot = seconds.with({"/shared"}).snapshot();
  EXPECT_EQ(snapshot.cumulative.back(), static_cast<std::uint64_t>(kThreads * kEach));
  EXPECT_DOUBLE_EQ(snapshot.sum, 0.5 * kThreads * kEach);
}

TEST(Histogram, CountsEachValueInTheFirstBucketThatHoldsIt) {
  Histogram histogram({0.005, 0.01, 0.1});
  for (const double value : {0.001, 0.005, 0.0051, 0.1, 3.0}) histogram.observe(value);
  const auto snapshot = histogram.snapshot();
  // le=0.005 holds 0.001 and 0.005 (bounds are inclusive), le=0.01 adds 0.0051, le=0.1 adds
  // 0.1, +Inf adds 3.0.
  EXPECT_EQ(snapshot.cumulative, (std::vector<std::uint64_t>{2, 3, 4, 5}));
  EXPECT_DOUBLE_EQ(snapshot.sum, 0.001 + 0.005 + 0.0051 + 0.1 + 3.0);
}

TEST(GaugeHold, CountsWhatIsOpenAndGivesItBack) {
  Gauge streams;
  {
    const GaugeHold first(streams);
    const GaugeHold second(streams);
    EXPECT_EQ(streams.value(), 2);
  }
  EXPECT_EQ(streams.value(), 0);
}

}  // namespace
}  // namespace nicecream::metrics

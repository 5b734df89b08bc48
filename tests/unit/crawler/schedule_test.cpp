#include "crawler/schedule.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler {
namespace {

using std::chrono::seconds;

domain::Channel channel(domain::Id id, std::string url = "http://x/display.js") {
  return {id, "c" + std::to_string(id), std::move(url), "auto", ""};
}

std::vector<domain::Id> ids(const std::vector<ScheduledChannel*>& due) {
  std::vector<domain::Id> out;
  for (const auto* scheduled : due) out.push_back(scheduled->channel.id);
  return out;
}

const Clock::time_point t0{};

TEST(Schedule, NewChannelsAreDueAtOnce) {
  Schedule schedule;
  schedule.replace_channels({channel(1), channel(2)}, t0);
  EXPECT_EQ(ids(schedule.take_due(t0, 10)), (std::vector<domain::Id>{1, 2}));
}

TEST(Schedule, InFlightChannelsAreNotTakenTwice) {
  Schedule schedule;
  schedule.replace_channels({channel(1)}, t0);
  ASSERT_EQ(schedule.take_due(t0, 10).size(), 1u);
  EXPECT_TRUE(schedule.take_due(t0 + seconds(100), 10).empty());
  EXPECT_EQ(schedule.next_due(), std::nullopt);
}

TEST(Schedule, EachChannelKeepsItsOwnTime) {
  Schedule schedule;
  schedule.replace_channels({channel(1), channel(2)}, t0);
  schedule.take_due(t0, 10);
  schedule.find(1)->finished(t0 + seconds(300));  // failed: backs off
  schedule.find(2)->finished(t0 + seconds(30));
  EXPECT_EQ(schedule.next_due(), t0 + seconds(30));
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(30), 10)), (std::vector<domain::Id>{2}));
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(300), 10)), (std::vector<domain::Id>{1}));
}

TEST(Schedule, TakesTheEarliestFirstWithinTheLimit) {
  Schedule schedule;
  schedule.replace_channels({channel(1), channel(2), channel(3)}, t0);
  schedule.take_due(t0, 10);
  schedule.find(1)->finished(t0 + seconds(3));
  schedule.find(2)->finished(t0 + seconds(1));
  schedule.find(3)->finished(t0 + seconds(2));
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(5), 2)), (std::vector<domain::Id>{2, 3}));
}

TEST(Schedule, ReplacingKeepsStateDropsTheMissingAndReschedulesChangedSources) {
  Schedule schedule;
  schedule.replace_channels({channel(1), channel(2), channel(3)}, t0);
  schedule.take_due(t0, 10);
  for (domain::Id id : {1, 2, 3}) schedule.find(id)->finished(t0 + seconds(30));
  schedule.find(1)->last_title = "Kept";
  schedule.replace_channels({channel(1), channel(2, "http://y/7.html"), channel(4)},
                            t0 + seconds(1));
  EXPECT_EQ(schedule.find(3), nullptr);
  EXPECT_EQ(schedule.find(1)->last_title, "Kept");
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(1), 10)), (std::vector<domain::Id>{2, 4}));
}

}  // namespace
}  // namespace nicecream::crawler

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
  schedule.finish(*schedule.find(1), t0 + seconds(300));  // failed: backs off
  schedule.finish(*schedule.find(2), t0 + seconds(30));
  EXPECT_EQ(schedule.next_due(), t0 + seconds(30));
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(30), 10)), (std::vector<domain::Id>{2}));
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(300), 10)), (std::vector<domain::Id>{1}));
}

TEST(Schedule, TakesTheEarliestFirstWithinTheLimit) {
  Schedule schedule;
  schedule.replace_channels({channel(1), channel(2), channel(3)}, t0);
  schedule.take_due(t0, 10);
  schedule.finish(*schedule.find(1), t0 + seconds(3));
  schedule.finish(*schedule.find(2), t0 + seconds(1));
  schedule.finish(*schedule.find(3), t0 + seconds(2));
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(5), 2)), (std::vector<domain::Id>{2, 3}));
}

TEST(Schedule, ReplacingKeepsStateDropsTheMissingAndReschedulesChangedSources) {
  Schedule schedule;
  schedule.replace_channels({channel(1), channel(2), channel(3)}, t0);
  schedule.take_due(t0, 10);
  for (domain::Id id : {1, 2, 3}) schedule.finish(*schedule.find(id), t0 + seconds(30));
  schedule.find(1)->last_title = "Kept";
  schedule.replace_channels({channel(1), channel(2, "http://y/7.html"), channel(4)},
                            t0 + seconds(1));
  EXPECT_EQ(schedule.find(3), nullptr);
  EXPECT_EQ(schedule.find(1)->last_title, "Kept");
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(1), 10)), (std::vector<domain::Id>{2, 4}));
  // Channel 2 was moved, not added again, and channel 3 left with its time.
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(30), 10)), (std::vector<domain::Id>{1}));
}

TEST(Schedule, DroppedChannelsAreNeverDue) {
  Schedule schedule;
  schedule.replace_channels({channel(1), channel(2)}, t0);
  schedule.take_due(t0, 1);
  schedule.replace_channels({}, t0);
  EXPECT_EQ(schedule.next_due(), std::nullopt);
  EXPECT_TRUE(schedule.take_due(t0 + seconds(100), 10).empty());
}

TEST(Schedule, AChannelFinishedTwiceIsDueOnceAtTheLaterTime) {
  Schedule schedule;
  schedule.replace_channels({channel(1)}, t0);
  schedule.take_due(t0, 10);
  schedule.finish(*schedule.find(1), t0 + seconds(30));
  schedule.finish(*schedule.find(1), t0 + seconds(300));  // e.g. a late failure backs it off
  EXPECT_EQ(schedule.next_due(), t0 + seconds(300));
  EXPECT_EQ(ids(schedule.take_due(t0 + seconds(300), 10)), (std::vector<domain::Id>{1}));
  EXPECT_TRUE(schedule.take_due(t0 + seconds(300), 10).empty());
}

TEST(Schedule, TakesAsManyAsTheLimitAndLeavesTheRestDue) {
  Schedule schedule;
  std::vector<domain::Channel> channels;
  for (domain::Id id = 1; id <= 5; ++id) channels.push_back(channel(id));
  schedule.replace_channels(channels, t0);
  EXPECT_EQ(ids(schedule.take_due(t0, 2)), (std::vector<domain::Id>{1, 2}));
  EXPECT_EQ(schedule.next_due(), t0);
  EXPECT_EQ(ids(schedule.take_due(t0, 10)), (std::vector<domain::Id>{3, 4, 5}));
}

}  // namespace
}  // namespace nicecream::crawler

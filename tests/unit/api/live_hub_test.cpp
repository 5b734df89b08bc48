#include "api/live/live_hub.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <vector>

#include "events/local/local_bus.hpp"

namespace nicecream::api {
namespace {

domain::HistoryItem item(domain::Id id, domain::Id channel_id) {
  domain::HistoryItem history;
  history.id = id;
  history.channel_id = channel_id;
  history.song_title = "Artist - Song " + std::to_string(id);
  return history;
}

std::vector<LiveEventPtr> drain(boost::asio::io_context& io, LiveQueue& queue) {
  io.restart();
  io.poll();
  std::vector<LiveEventPtr> events;
  while (auto event = queue.take()) events.push_back(event);
  return events;
}

class LiveHubTest : public ::testing::Test {
 protected:
  std::shared_ptr<LiveQueue> queue(std::optional<domain::Id> channel_id = std::nullopt) {
    return std::make_shared<LiveQueue>(io.get_executor(), channel_id, 8);
  }

  boost::asio::io_context io;
  events::LocalBus bus;
  LiveHub hub{bus, "history"};
};

TEST_F(LiveHubTest, EveryMemberGetsTheSameFormattedEventInOrder) {
  auto first = queue();
  auto second = queue();
  auto first_membership = hub.join(first);
  auto second_membership = hub.join(second);
  bus.publish(item(1, 2));
  bus.publish(item(2, 3));

  const auto got_first = drain(io, *first);
  const auto got_second = drain(io, *second);
  ASSERT_EQ(got_first.size(), 2u);
  ASSERT_EQ(got_second.size(), 2u);
  EXPECT_EQ(got_first[0]->id, 1);
  EXPECT_EQ(got_first[1]->id, 2);
  EXPECT_EQ(got_first[0], got_second[0]) << "formatted once, shared";
  EXPECT_EQ(got_first[0]->text, format_history_event(item(1, 2), "history"));
}

TEST_F(LiveHubTest, AChannelQueueGetsOnlyItsChannel) {
  auto filtered = queue(3);
  auto membership = hub.join(filtered);
  bus.publish(item(1, 2));
  bus.publish(item(2, 3));
  const auto got = drain(io, *filtered);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]->id, 2);
}

TEST_F(LiveHubTest, LeavingStopsDelivery) {
  auto leaving = queue();
  auto membership = hub.join(leaving);
  bus.publish(item(1, 2));
  membership.reset();
  bus.publish(item(2, 2));
  const auto got = drain(io, *leaving);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]->id, 1);
}

TEST_F(LiveHubTest, AFullQueueOverflowsInsteadOfGrowing) {
  auto slow = queue();
  auto membership = hub.join(slow);
  for (domain::Id id = 1; id <= 10; ++id) bus.publish(item(id, 2));
  const auto got = drain(io, *slow);
  EXPECT_EQ(got.size(), 8u);
  EXPECT_TRUE(slow->overflowed());
}

TEST_F(LiveHubTest, AMembershipMayOutliveTheHub) {
  auto membership = std::make_unique<LiveHub>(bus, "history")->join(queue());
  bus.publish(item(1, 2));  // the hub's subscription ended with it: nothing to deliver to
  membership.reset();       // and leaving afterwards is safe
  SUCCEED();
}

}  // namespace
}  // namespace nicecream::api

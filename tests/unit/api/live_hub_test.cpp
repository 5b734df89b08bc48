#include "api/live/live_hub.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <string>

#include "events/local/local_bus.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::api {
namespace {

domain::HistoryItem item(domain::Id id, domain::Id channel_id) {
  domain::HistoryItem history;
  history.id = id;
  history.channel_id = channel_id;
  history.song_title = "Artist - Song " + std::to_string(id);
  return history;
}

std::string text(domain::Id id, domain::Id channel_id) {
  return format_history_event(item(id, channel_id), "history");
}

// A connected pair of stream sockets: the queue writes to `ours`, the test reads `theirs`.
struct SocketPair {
  SocketPair() {
    std::array<int, 2> ends{};
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, ends.data()) != 0)
      throw std::runtime_error("socketpair");
    ours = ends[0];
    theirs = ends[1];
  }
  SocketPair(const SocketPair&) = delete;
  SocketPair& operator=(const SocketPair&) = delete;
  ~SocketPair() {
    ::close(ours);
    if (theirs >= 0) ::close(theirs);
  }
  // Everything readable now, without waiting.
  std::string received() const {
    std::string bytes;
    std::array<char, 65536> chunk{};
    while (true) {
      const auto got = ::recv(theirs, chunk.data(), chunk.size(), MSG_DONTWAIT);
      if (got <= 0) return bytes;
      bytes.append(chunk.data(), static_cast<std::size_t>(got));
    }
  }
  // Fills our send buffer (and their receive buffer) until the kernel takes no more.
  std::size_t fill() const {
    const std::string block(4096, 'x');
    std::size_t total = 0;
    while (true) {
      const auto sent = ::send(ours, block.data(), block.size(), MSG_DONTWAIT);
      if (sent <= 0) return total;
      total += static_cast<std::size_t>(sent);
    }
  }
  int ours = -1;
  int theirs = -1;
};

class LiveHubTest : public ::testing::Test {
 protected:
  std::shared_ptr<LiveQueue> queue(std::optional<domain::Id> channel_id = std::nullopt,
                                   int socket = -1) {
    return std::make_shared<LiveQueue>(io.get_executor(), channel_id, 8, std::nullopt, socket);
  }

  // A member writing to `sockets`; its coroutine, a new stream's, is the writer (the replay).
  std::shared_ptr<LiveQueue> direct_member() {
    auto member = queue(std::nullopt, sockets.ours);
    memberships.push_back(hub.join(member));
    return member;
  }

  // Runs the hub's handlers, then takes what queued.
  std::string drain(LiveQueue& queue) {
    run();
    return queue.take_pending();
  }

  void run() {
    io.restart();
    io.poll();
  }

  boost::asio::io_context io;
  events::LocalBus bus;
  LiveHub hub{bus, "history"};
  SocketPair sockets;
  std::vector<std::unique_ptr<events::Subscription>> memberships;
};

TEST_F(LiveHubTest, EveryMemberGetsEveryEventInOrder) {
  auto first = queue();
  auto second = queue();
  auto first_membership = hub.join(first);
  auto second_membership = hub.join(second);
  bus.publish(item(1, 2));
  bus.publish(item(2, 3));

  EXPECT_EQ(drain(*first), text(1, 2) + text(2, 3));
  EXPECT_EQ(drain(*second), text(1, 2) + text(2, 3));
}

TEST_F(LiveHubTest, ManyMembersAcrossTheGroupsAllGetEveryEventInOrder) {
  std::vector<std::shared_ptr<LiveQueue>> queues;
  std::vector<std::unique_ptr<events::Subscription>> memberships;
  for (int i = 0; i < 40; ++i) {
    queues.push_back(queue());
    memberships.push_back(hub.join(queues.back()));
  }
  for (domain::Id id = 1; id <= 5; ++id) bus.publish(item(id, 2));
  run();
  const auto expected = text(1, 2) + text(2, 2) + text(3, 2) + text(4, 2) + text(5, 2);
  for (const auto& member : queues) EXPECT_EQ(member->take_pending(), expected);
}

// An item's age when it reaches the hub (its recording and the bus) and the walk of the streams
// are told apart in /metrics: a live latency can be split into the two.
TEST_F(LiveHubTest, TheHubTimesAnItemsAgeAndItsWalkOverTheStreams) {
  auto& age = metrics::app().live_item_age.with({});
  auto& fanout = metrics::app().live_fanout_duration.with({});
  const auto ages_before = age.snapshot();
  const auto walks_before = fanout.snapshot();
  auto member = queue();
  auto membership = hub.join(member);
  auto recorded = item(1, 2);
  recorded.created_at = domain::now() - std::chrono::seconds(3);
  bus.publish(recorded);
  EXPECT_EQ(fanout.snapshot().cumulative.back(), walks_before.cumulative.back());  // not walked yet
  EXPECT_EQ(drain(*member), format_history_event(recorded, "history"));

  const auto ages = age.snapshot();
  EXPECT_EQ(ages.cumulative.back() - ages_before.cumulative.back(), 1u);
  EXPECT_NEAR(ages.sum - ages_before.sum, 3.0, 0.5);
  EXPECT_EQ(ages.cumulative[9], ages_before.cumulative[9]);  // not within 1 s
  // Only the member's group walks; the other groups have no streams.
  EXPECT_EQ(fanout.snapshot().cumulative.back() - walks_before.cumulative.back(), 1u);
}

TEST_F(LiveHubTest, AChannelQueueGetsOnlyItsChannel) {
  auto filtered = queue(3);
  auto membership = hub.join(filtered);
  bus.publish(item(1, 2));
  bus.publish(item(2, 3));
  EXPECT_EQ(drain(*filtered), text(2, 3));
}

TEST_F(LiveHubTest, LeavingStopsDelivery) {
  auto leaving = queue();
  auto membership = hub.join(leaving);
  bus.publish(item(1, 2));
  run();
  membership.reset();
  bus.publish(item(2, 2));
  EXPECT_EQ(drain(*leaving), text(1, 2));
}

TEST_F(LiveHubTest, AFullQueueOverflowsInsteadOfGrowing) {
  auto slow = queue();
  auto membership = hub.join(slow);
  for (domain::Id id = 1; id <= 10; ++id) bus.publish(item(id, 2));
  run();
  EXPECT_TRUE(slow->overflowed());
  std::string first_eight;
  for (domain::Id id = 1; id <= 8; ++id) first_eight += text(id, 2);
  EXPECT_EQ(slow->take_pending(), first_eight);
}

TEST_F(LiveHubTest, AMembershipMayOutliveTheHub) {
  auto membership = std::make_unique<LiveHub>(bus, "history")->join(queue());
  bus.publish(item(1, 2));  // the hub's subscription ended with it: nothing to deliver to
  membership.reset();       // and leaving afterwards is safe
  SUCCEED();
}

TEST_F(LiveHubTest, WhileTheWriterWaitsAnEventGoesStraightToTheSocket) {
  auto direct = direct_member();
  ASSERT_TRUE(direct->release_writer());
  bus.publish(item(1, 2));
  bus.publish(item(2, 2));
  run();
  EXPECT_EQ(sockets.received(), text(1, 2) + text(2, 2));
  EXPECT_EQ(direct->take_pending(), "");
}

// A socket that keeps each write apart (SOCK_SEQPACKET) shows how many writes the hub made.
TEST_F(LiveHubTest, EventsThatGatheredBeforeTheWalkGoOutInOneWrite) {
  std::array<int, 2> ends{};
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_SEQPACKET, 0, ends.data()), 0);
  auto direct = queue(2, ends[0]);
  auto membership = hub.join(direct);
  ASSERT_TRUE(direct->release_writer());
  bus.publish(item(1, 2));
  bus.publish(item(2, 3));  // another channel's: not for this stream
  bus.publish(item(3, 2));
  run();
  std::array<char, 65536> record{};
  const auto got = ::recv(ends[1], record.data(), record.size(), MSG_DONTWAIT);
  ASSERT_GT(got, 0);
  EXPECT_EQ(std::string(record.data(), static_cast<std::size_t>(got)), text(1, 2) + text(3, 2));
  EXPECT_LT(::recv(ends[1], record.data(), record.size(), MSG_DONTWAIT), 0) << "one write only";
  membership.reset();
  ::close(ends[0]);
  ::close(ends[1]);
}

TEST_F(LiveHubTest, AStreamTheHubWroteToWhileItsWriterWaitedWasNotSilent) {
  auto direct = direct_member();
  ASSERT_TRUE(direct->release_writer());
  EXPECT_FALSE(direct->claim_writer()) << "nothing written yet: a heartbeat is due";
  ASSERT_TRUE(direct->release_writer());
  bus.publish(item(1, 2));
  run();
  ASSERT_EQ(sockets.received(), text(1, 2));
  EXPECT_TRUE(direct->claim_writer()) << "the hub wrote: no heartbeat yet";
  ASSERT_TRUE(direct->release_writer());
  EXPECT_FALSE(direct->claim_writer()) << "each wait starts silent";
}

TEST_F(LiveHubTest, WhileTheWriterWritesEventsQueueForIt) {
  auto direct = direct_member();
  bus.publish(item(1, 2));
  run();
  EXPECT_EQ(sockets.received(), "");
  EXPECT_FALSE(direct->release_writer()) << "events are waiting: it stays the writer";
  EXPECT_EQ(direct->take_pending(), text(1, 2));
  EXPECT_TRUE(direct->release_writer());
}

TEST_F(LiveHubTest, WhatTheSocketDoesNotTakeQueuesInOrderAndWakesTheWriter) {
  auto direct = direct_member();
  ASSERT_TRUE(direct->release_writer());
  bool woken = false;
  direct->wakeup().expires_after(std::chrono::hours{1});
  direct->wakeup().async_wait([&](const boost::system::error_code& error) {
    woken = error == boost::asio::error::operation_aborted;
  });
  const auto filled = sockets.fill();
  bus.publish(item(1, 2));
  bus.publish(item(2, 2));
  run();
  EXPECT_TRUE(woken) << "the writer must come and write what queued";
  direct->claim_writer();
  const auto sent = sockets.received();  // the filler, and any part of item 1 the socket took
  ASSERT_GE(sent.size(), filled);
  EXPECT_EQ(sent.substr(filled) + direct->take_pending(), text(1, 2) + text(2, 2));
}

TEST_F(LiveHubTest, AnItemTheReplaySentIsNotSentAgain) {
  auto direct = direct_member();
  bus.publish(item(1, 2));  // arrives during the replay, which sends it too
  run();
  direct->skip(1);
  EXPECT_EQ(direct->take_pending(), "");
  ASSERT_TRUE(direct->release_writer());
  bus.publish(item(1, 2));  // once more, late (another process's bus)
  bus.publish(item(2, 2));
  run();
  EXPECT_EQ(sockets.received(), text(2, 2));
}

TEST_F(LiveHubTest, AfterCloseNothingIsWritten) {
  auto direct = direct_member();
  ASSERT_TRUE(direct->release_writer());
  direct->close();
  bus.publish(item(1, 2));
  run();
  EXPECT_EQ(sockets.received(), "");
  EXPECT_TRUE(direct->closed());
  EXPECT_FALSE(direct->release_writer());
}

TEST_F(LiveHubTest, APeerThatHungUpClosesTheQueue) {
  auto direct = direct_member();
  ASSERT_TRUE(direct->release_writer());
  ::close(sockets.theirs);
  sockets.theirs = -1;
  bus.publish(item(1, 2));
  run();
  EXPECT_TRUE(direct->closed());
}

}  // namespace
}  // namespace nicecream::api

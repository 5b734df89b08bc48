#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

using domain::ChannelState;

domain::PollOutcome ok(Id channel_id, int at) {
  return {channel_id, instant(at), ""};
}
domain::PollOutcome failed(Id channel_id, int at, std::string reason) {
  return {channel_id, instant(at), std::move(reason)};
}

domain::ChannelStatus status_of(Store& store, Id channel_id) {
  for (auto& status : store.list_channel_statuses())
    if (status.channel_id == channel_id) return status;
  ADD_FAILURE() << "no status for channel " << channel_id;
  return {};
}

domain::OutageQuery outage_query(std::optional<Id> channel_id,
                                 std::optional<domain::Timestamp> from = std::nullopt,
                                 std::optional<domain::Timestamp> to = std::nullopt,
                                 int limit = 100) {
  return {.channel_id = channel_id, .from = from, .to = to, .limit = limit};
}

std::vector<domain::Outage> outages_of(Store& store, Id channel_id) {
  return store.list_outages(outage_query(channel_id));
}

}  // namespace

TEST_P(StoreTest, ChannelsNeverPolledArePending) {
  const auto statuses = store().list_channel_statuses();
  ASSERT_EQ(statuses.size(), 3u);
  for (const auto& status : statuses) {
    EXPECT_EQ(status.state, ChannelState::pending);
    EXPECT_FALSE(status.since);
    EXPECT_FALSE(status.last_poll_at);
    EXPECT_TRUE(status.error.empty());
  }
  EXPECT_TRUE(store().list_outages(outage_query(std::nullopt)).empty());
}

TEST_P(StoreTest, AStationDownAndUpAgainIsOneClosedOutage) {
  const auto first = store().record_poll_outcome(ok(kRed, 0));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->state, ChannelState::ok);
  const auto down = store().record_poll_outcome(failed(kRed, 10, "connection refused"));
  ASSERT_TRUE(down);
  EXPECT_EQ(down->state, ChannelState::failing);
  EXPECT_EQ(down->since, instant(10));
  EXPECT_EQ(down->error, "connection refused");
  EXPECT_EQ(status_of(store(), kRed).state, ChannelState::failing);
  EXPECT_EQ(status_of(store(), kRed).error, "connection refused");
  const auto up = store().record_poll_outcome(ok(kRed, 70));
  ASSERT_TRUE(up);
  EXPECT_EQ(up->state, ChannelState::ok);
  EXPECT_EQ(up->since, instant(70));
  EXPECT_TRUE(up->error.empty());

  const auto outages = outages_of(store(), kRed);
  ASSERT_EQ(outages.size(), 1u);
  EXPECT_EQ(outages[0].started_at, instant(10));
  EXPECT_EQ(outages[0].ended_at, instant(70));
  EXPECT_EQ(outages[0].reason, "connection refused");
  const auto status = status_of(store(), kRed);
  EXPECT_EQ(status.state, ChannelState::ok);
  EXPECT_EQ(status.since, instant(70));
  EXPECT_EQ(status.last_change_at, instant(70));
  EXPECT_TRUE(status.error.empty());
}

// Polls that change nothing write only last_poll_at: no event, no second outage.
TEST_P(StoreTest, RepeatedOutcomesAreNoChange) {
  ASSERT_TRUE(store().record_poll_outcome(failed(kBlue, 0, "HTTP 503")));
  EXPECT_FALSE(store().record_poll_outcome(failed(kBlue, 5, "HTTP 503")));
  EXPECT_FALSE(store().record_poll_outcome(failed(kBlue, 9, "HTTP 503")));
  const auto status = status_of(store(), kBlue);
  EXPECT_EQ(status.since, instant(0));
  EXPECT_EQ(status.last_change_at, instant(0));
  EXPECT_EQ(status.last_poll_at, instant(9));
  EXPECT_EQ(outages_of(store(), kBlue).size(), 1u);
  ASSERT_TRUE(store().record_poll_outcome(ok(kBlue, 12)));
  EXPECT_FALSE(store().record_poll_outcome(ok(kBlue, 15)));
  EXPECT_EQ(status_of(store(), kBlue).since, instant(12));
}

// Another reason is a change of the status (the card shows it) but the same outage, which keeps
// the reason it started with.
TEST_P(StoreTest, AnotherReasonContinuesTheOutage) {
  ASSERT_TRUE(store().record_poll_outcome(failed(kGreen, 0, "timeout")));
  const auto changed = store().record_poll_outcome(failed(kGreen, 30, "connection refused"));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->since, instant(0));
  EXPECT_EQ(changed->last_change_at, instant(30));
  EXPECT_EQ(changed->error, "connection refused");
  const auto outages = outages_of(store(), kGreen);
  ASSERT_EQ(outages.size(), 1u);
  EXPECT_FALSE(outages[0].ended_at);
  EXPECT_EQ(outages[0].reason, "timeout");
}

// A crawler taking over a channel (its own connection, no memory of the channel) continues the
// open outage, or closes it.
TEST_P(StoreTest, TheNextCrawlerContinuesOrClosesTheOutage) {
  ASSERT_TRUE(store().record_poll_outcome(failed(kRed, 0, "timeout")));
  ASSERT_TRUE(store().record_poll_outcome(failed(kGreen, 0, "timeout")));
  auto next = harness().open();
  EXPECT_FALSE(next->record_poll_outcome(failed(kRed, 40, "timeout")));
  EXPECT_TRUE(next->record_poll_outcome(ok(kGreen, 40)));
  const auto red = outages_of(*next, kRed);
  ASSERT_EQ(red.size(), 1u);
  EXPECT_FALSE(red[0].ended_at);
  EXPECT_EQ(status_of(*next, kRed).since, instant(0));
  const auto green = outages_of(*next, kGreen);
  ASSERT_EQ(green.size(), 1u);
  EXPECT_EQ(green[0].ended_at, instant(40));
}

// A crawler whose clock is behind the one that opened the outage never ends it before it began.
TEST_P(StoreTest, AnOutageNeverEndsBeforeItStarted) {
  ASSERT_TRUE(store().record_poll_outcome(failed(kRed, 50, "timeout")));
  ASSERT_TRUE(store().record_poll_outcome(ok(kRed, 45)));
  const auto outages = outages_of(store(), kRed);
  ASSERT_EQ(outages.size(), 1u);
  EXPECT_EQ(outages[0].ended_at, instant(50));
}

TEST_P(StoreTest, PollsWithoutChangeMoveLastPollAt) {
  ASSERT_TRUE(store().record_poll_outcome(ok(kRed, 0)));
  store().record_polls({ok(kRed, 20), ok(kGreen, 20)});
  EXPECT_EQ(status_of(store(), kRed).last_poll_at, instant(20));
  EXPECT_EQ(status_of(store(), kRed).last_change_at, instant(0));
  EXPECT_EQ(status_of(store(), kGreen).state, ChannelState::pending);  // never changed: no row
  store().record_polls({ok(kRed, 10)});                                // late: never moves it back
  EXPECT_EQ(status_of(store(), kRed).last_poll_at, instant(20));
}

TEST_P(StoreTest, ARemovedChannelRecordsNothing) {
  ASSERT_TRUE(store().record_poll_outcome(failed(kRed, 0, "timeout")));
  store().remove_channel(kRed);
  EXPECT_FALSE(store().record_poll_outcome(ok(kRed, 10)));
  EXPECT_NO_THROW(store().record_polls({ok(kRed, 10)}));
  EXPECT_TRUE(store().list_outages(outage_query(std::nullopt)).empty());
  EXPECT_EQ(store().list_channel_statuses().size(), 2u);
}

// Outages overlapping [from, to), newest start first; an open one lasts until now.
TEST_P(StoreTest, OutagesAreListedByOverlapNewestFirst) {
  for (const auto& [start, end] : std::vector<std::pair<int, int>>{{0, 10}, {20, 30}, {40, 50}}) {
    ASSERT_TRUE(store().record_poll_outcome(failed(kRed, start, "timeout")));
    ASSERT_TRUE(store().record_poll_outcome(ok(kRed, end)));
  }
  ASSERT_TRUE(store().record_poll_outcome(failed(kRed, 60, "HTTP 503")));
  ASSERT_TRUE(store().record_poll_outcome(failed(kBlue, 5, "timeout")));

  auto starts = [&](const domain::OutageQuery& query) {
    std::vector<domain::Timestamp> found;
    for (const auto& outage : store().list_outages(query)) found.push_back(outage.started_at);
    return found;
  };
  using Starts = std::vector<domain::Timestamp>;
  EXPECT_EQ(starts(outage_query(kRed)),
            (Starts{instant(60), instant(40), instant(20), instant(0)}));
  EXPECT_EQ(starts(outage_query(kRed, std::nullopt, std::nullopt, 2)),
            (Starts{instant(60), instant(40)}));
  EXPECT_EQ(starts(outage_query(kRed, instant(25), instant(40))), Starts{instant(20)});
  EXPECT_EQ(starts(outage_query(kRed, instant(10), instant(20))), Starts{});
  EXPECT_EQ(starts(outage_query(kRed, instant(1000))), Starts{instant(60)});
  EXPECT_EQ(starts(outage_query(std::nullopt, instant(0), instant(10))),
            (Starts{instant(5), instant(0)}));
  const auto open = store().list_outages(outage_query(kRed, std::nullopt, std::nullopt, 1));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_FALSE(open[0].ended_at);
  EXPECT_EQ(open[0].reason, "HTTP 503");
}

}  // namespace nicecream::store::test

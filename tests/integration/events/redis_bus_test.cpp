// RedisBus against the shared Redis: what is published reaches every subscribed process, in order
// and once, whatever else arrives on the channel.
#include "events/redis/redis_bus.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include "events/redis/channel_message.hpp"
#include "events/redis/connection.hpp"
#include "integration/events/redis_fixture.hpp"

namespace nicecream::testing {
namespace {

using events::redis::RedisBus;

TEST_F(RedisBusTest, PublishedItemsReachTheSubscriberInOrderWithEveryField) {
  RedisBus bus(shared_redis(), catch_up());
  Received received;
  const auto subscription = bus.subscribe(received.listener());
  std::vector<domain::HistoryItem> published;
  for (int i = 0; i < 5; ++i) {
    published.push_back(record("Artist - Track " + std::to_string(i) + " \"quoted\" é"));
    bus.publish(published.back());
  }
  ASSERT_TRUE(eventually([&] { return received.size() >= published.size(); })) << log_->text();
  const auto items = received.items();
  ASSERT_EQ(items.size(), published.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].id, published[i].id);
    EXPECT_EQ(items[i].created_at, published[i].created_at);
    EXPECT_EQ(items[i].song_id, published[i].song_id);
    EXPECT_EQ(items[i].song_title, published[i].song_title);
    EXPECT_EQ(items[i].channel_id, published[i].channel_id);
    EXPECT_EQ(items[i].bookmark_id, 0);
  }
}

TEST_F(RedisBusTest, EveryListenerOfTheProcessGetsEachItem) {
  RedisBus bus(shared_redis(), catch_up());
  Received first, second;
  const auto one = bus.subscribe(first.listener());
  const auto two = bus.subscribe(second.listener());
  const auto item = record("Only Song");
  bus.publish(item);
  ASSERT_TRUE(eventually([&] { return first.size() == 1 && second.size() == 1; }));
  EXPECT_EQ(first.ids(), std::vector<domain::Id>{item.id});
  EXPECT_EQ(second.ids(), std::vector<domain::Id>{item.id});
}

// Two buses are what two processes hold: each has its own connections and subscriber thread.
TEST_F(RedisBusTest, TwoProcessesBothReceiveEveryItemOnceInOrder) {
  RedisBus crawler_a(shared_redis(), catch_up());
  RedisBus crawler_b(shared_redis(), catch_up());
  RedisBus api_one(shared_redis(), catch_up());
  RedisBus api_two(shared_redis(), catch_up());
  Received one, two;
  const auto subscription_one = api_one.subscribe(one.listener());
  const auto subscription_two = api_two.subscribe(two.listener());
  const auto before = store_->latest_history_id();
  for (int i = 0; i < 20; ++i)
    (i % 2 ? crawler_a : crawler_b).publish(record("Song " + std::to_string(i)));
  const auto expected = ids_after(before);
  ASSERT_EQ(expected.size(), 20U);
  ASSERT_TRUE(eventually([&] { return one.size() >= 20 && two.size() >= 20; })) << log_->text();
  // Give a duplicate every chance to show up before comparing.
  crawler_a.publish(record("Last Song"));
  ASSERT_TRUE(eventually([&] { return one.size() >= 21 && two.size() >= 21; }));
  const auto all = ids_after(before);
  EXPECT_EQ(one.ids(), all);
  EXPECT_EQ(two.ids(), all);
}

TEST_F(RedisBusTest, MessagesThatAreNoHistoryItemAreSkipped) {
  RedisBus bus(shared_redis(), catch_up());
  Received received;
  const auto subscription = bus.subscribe(received.listener());
  events::redis::Connection raw(shared_redis());
  for (
      const char* junk :
      {"not json", "[1,2]", R"({"id":"7"})",
       R"({"id":7,"created_at":"yesterday","song_id":1,"song_title":"x","channel_id":1})",
       R"({"id":-7,"created_at":"2026-11-27T19:57:07.590829+00:00","song_id":1,"song_title":"x","channel_id":1})"})
    raw.command({"PUBLISH", redis_channel_, junk});
  const auto item = record("Good Song");
  bus.publish(item);
  ASSERT_TRUE(eventually([&] { return received.size() >= 1; })) << log_->text();
  EXPECT_EQ(received.ids(), std::vector<domain::Id>{item.id});
  EXPECT_EQ(log_->count("skipped a message"), 5U) << log_->text();
}

TEST_F(RedisBusTest, OriginalsNaiveTimestampsAreRead) {
  RedisBus bus(shared_redis(), catch_up());
  Received received;
  const auto subscription = bus.subscribe(received.listener());
  const auto item = record("Naive Song");
  const auto message = R"({"id":)" + std::to_string(item.id) +
                       R"(,"created_at":"2026-11-27T19:57:07.590829","song_id":)" +
                       std::to_string(item.song_id) +
                       R"(,"song_title":"Naive Song","channel_id":)" +
                       std::to_string(item.channel_id) + R"(,"bookmark_id":0})";
  events::redis::Connection(shared_redis()).command({"PUBLISH", redis_channel_, message});
  ASSERT_TRUE(eventually([&] { return received.size() >= 1; })) << log_->text();
  EXPECT_EQ(received.items().front().song_title, "Naive Song");
}

// A publish that never arrived (or arrives after a later one, when two crawlers race) is read
// from the store as soon as an item with a higher id shows the gap: nothing is missed, order is
// kept, and the late message is not delivered again.
TEST_F(RedisBusTest, AGapIsFilledFromTheStoreAndLateMessagesAreNotRepeated) {
  RedisBus bus(shared_redis(), catch_up());
  Received received;
  const auto subscription = bus.subscribe(received.listener());
  const auto lost = record("Lost Song");
  const auto late = record("Late Song");
  const auto next = record("Next Song");
  bus.publish(next);
  bus.publish(late);
  const auto last = record("Last Song");
  bus.publish(last);
  ASSERT_TRUE(eventually([&] { return received.size() >= 4; })) << log_->text();
  EXPECT_EQ(received.ids(), (std::vector<domain::Id>{lost.id, late.id, next.id, last.id}));
}

// Channel status changes cross processes like items: a crawler's change reaches every API
// process once, with every field, and the publishing process's own listeners once too (not again
// when Redis echoes it back).
TEST_F(RedisBusTest, ChannelStatusChangesReachEveryProcessOnce) {
  RedisBus crawler(shared_redis(), catch_up());
  RedisBus api(shared_redis(), catch_up());
  std::mutex mutex;
  std::vector<events::ChannelEvent> at_api, at_crawler;
  const auto collect = [&mutex](std::vector<events::ChannelEvent>& into) {
    return [&mutex, &into](const events::ChannelEvent& event) {
      std::lock_guard lock(mutex);
      into.push_back(event);
    };
  };
  const auto api_subscription = api.subscribe_channels(collect(at_api));
  const auto crawler_subscription = crawler.subscribe_channels(collect(at_crawler));
  const auto since = domain::Timestamp(std::chrono::microseconds(1'796'000'000'123'456));
  events::ChannelEvent failing{
      {7, "Jazz \"Nights\" é", "http://radio.example/status", "icecast", "", false},
      {7, domain::ChannelState::failing, since, since, since, "connection refused"}};
  events::ChannelEvent back = failing;
  back.channel.paused = true;
  back.status = {7, domain::ChannelState::paused, since, since, since, ""};
  crawler.publish_channel(failing);
  crawler.publish_channel(back);
  const auto count = [&](const std::vector<events::ChannelEvent>& events) {
    std::lock_guard lock(mutex);
    return events.size();
  };
  ASSERT_TRUE(eventually([&] { return count(at_api) >= 2; })) << log_->text();
  // An item published after them arrives after them: by then any echo would have too.
  Received items;
  const auto item_subscription = crawler.subscribe(items.listener());
  crawler.publish(record("After The Changes"));
  ASSERT_TRUE(eventually([&] { return items.size() >= 1; }));
  std::lock_guard lock(mutex);
  ASSERT_EQ(at_api.size(), 2U);
  EXPECT_EQ(at_crawler.size(), 2U);
  const auto& received = at_api.front();
  EXPECT_EQ(received.channel.id, 7);
  EXPECT_EQ(received.channel.name, failing.channel.name);
  EXPECT_EQ(received.channel.url, failing.channel.url);
  EXPECT_EQ(received.channel.format, "icecast");
  EXPECT_EQ(received.status.channel_id, 7);
  EXPECT_EQ(received.status.state, domain::ChannelState::failing);
  EXPECT_EQ(received.status.since, since);
  EXPECT_EQ(received.status.last_poll_at, since);
  EXPECT_EQ(received.status.error, "connection refused");
  EXPECT_FALSE(received.channel.paused);
  EXPECT_TRUE(at_api.back().channel.paused);
  EXPECT_EQ(at_api.back().status.state, domain::ChannelState::paused);
  EXPECT_EQ(at_api.back().status.error, "");
}

// A removed channel reaches the other processes as a removal, naming only the channel.
TEST_F(RedisBusTest, ARemovalReachesEveryProcessAsARemoval) {
  RedisBus admin(shared_redis(), catch_up());
  RedisBus api(shared_redis(), catch_up());
  std::mutex mutex;
  std::vector<events::ChannelEvent> at_api;
  const auto subscription = api.subscribe_channels([&](const events::ChannelEvent& event) {
    std::lock_guard lock(mutex);
    at_api.push_back(event);
  });
  auto removal = events::ChannelEvent::removal(9);
  removal.channel.name = "Gone";
  admin.publish_channel(removal);
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return !at_api.empty();
  })) << log_->text();
  std::lock_guard lock(mutex);
  ASSERT_EQ(at_api.size(), 1U);
  EXPECT_TRUE(at_api[0].removed);
  EXPECT_EQ(at_api[0].channel.id, 9);
  EXPECT_EQ(at_api[0].channel.name, "") << "only the id travels";
}

TEST_F(RedisBusTest, MessagesThatAreNoChannelStatusAreSkipped) {
  RedisBus bus(shared_redis(), catch_up());
  std::atomic<int> received = 0;
  const auto subscription =
      bus.subscribe_channels([&](const events::ChannelEvent&) { ++received; });
  events::redis::Connection raw(shared_redis());
  const auto topic = events::redis::channel_status_topic(redis_channel_);
  for (
      const char* junk :
      {"not json", R"({"origin":"x"})",
       R"({"origin":"x","channel":{"id":1,"name":"a","url":"u","format":"auto","title_pointer":"","paused":false},"status":{"state":"sleeping"}})",
       R"({"origin":"x","channel":{"id":0,"name":"a","url":"u","format":"auto","title_pointer":"","paused":false},"status":{"state":"ok"}})",
       R"({"origin":"x","channel":{"id":1,"name":"a","url":"u","format":"auto","title_pointer":"","paused":false},"status":{"state":"ok","since":"noon"}})",
       R"({"origin":"x","channel":{"id":0},"removed":true})",
       R"({"origin":"x","channel":{"id":1},"removed":"yes"})",
       R"({"channel":{"id":1},"removed":true})"})
    raw.command({"PUBLISH", topic, junk});
  RedisBus other(shared_redis(), catch_up());
  other.publish_channel({{3, "good", "http://radio.example/", "auto", "", false},
                         {3, domain::ChannelState::pending, {}, {}, {}, ""}});
  ASSERT_TRUE(eventually([&] { return received.load() >= 1; })) << log_->text();
  EXPECT_EQ(received.load(), 1);
  EXPECT_EQ(log_->count("not a channel status"), 8U) << log_->text();
}

TEST_F(RedisBusTest, AnEndedSubscriptionWaitsOutItsRunningListener) {
  RedisBus bus(shared_redis(), catch_up());
  std::atomic<bool> inside = false;
  std::atomic<bool> entered = false;
  auto subscription = bus.subscribe([&](const domain::HistoryItem&) {
    inside = true;
    entered = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    inside = false;
  });
  bus.publish(record("Slow Song"));
  ASSERT_TRUE(eventually([&] { return entered.load(); }));
  subscription.reset();
  EXPECT_FALSE(inside.load());
}

}  // namespace
}  // namespace nicecream::testing

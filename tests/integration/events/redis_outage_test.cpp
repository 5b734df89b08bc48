// RedisBus when Redis is away: publishing never throws into the crawler, subscribers reconnect on
// their own, and live listeners get every item recorded meanwhile, once and in order. Each test
// runs a Redis of its own, so stopping it troubles no other test.
#include <atomic>
#include <thread>

#include "events/redis/redis_bus.hpp"
#include "integration/events/redis_fixture.hpp"
#include "integration/events/redis_server.hpp"

namespace nicecream::testing {
namespace {

using events::redis::RedisBus;

// Records and publishes one item every `pause` on its own thread, as a crawler does.
class Recorder {
 public:
  Recorder(std::function<domain::HistoryItem(const std::string&)> record, events::Bus& bus,
           std::chrono::milliseconds pause)
      : thread_([this, record, &bus, pause](std::stop_token stop) {
          while (!stop.stop_requested()) {
            bus.publish(record("Song " + std::to_string(count_.load())));
            ++count_;
            std::this_thread::sleep_for(pause);
          }
        }) {}
  int count() const { return count_; }
  void stop() {
    thread_.request_stop();
    thread_.join();
  }

 private:
  std::atomic<int> count_ = 0;
  std::jthread thread_;
};

TEST_F(RedisBusTest, WithoutRedisPublishingNeverThrowsAndListenersGetItemsFromTheStore) {
  RedisBus bus(redis_on(free_port()), catch_up());
  Received received;
  // Subscribing does not wait for Redis forever; ending the bus stops its reconnecting thread.
  const auto subscription = bus.subscribe(received.listener());
  for (int i = 0; i < 5; ++i) EXPECT_NO_THROW(bus.publish(record("Song " + std::to_string(i))));
  const auto all = ids_after(0);
  ASSERT_TRUE(eventually([&] { return received.size() >= all.size(); })) << log_->text();
  EXPECT_EQ(received.ids(), all);
  // Said once each, not once per item or per attempt.
  EXPECT_EQ(log_->count("cannot publish"), 1U) << log_->text();
  EXPECT_EQ(log_->count("no subscription to"), 1U) << log_->text();
}

TEST_F(RedisBusTest, ASubscriberStartedBeforeRedisGetsEverythingOnceRedisIsUp) {
  RedisServer server;
  RedisBus crawler(redis_on(server.port()), catch_up());
  RedisBus api(redis_on(server.port()), catch_up());
  Received received;
  const auto subscription = api.subscribe(received.listener());
  for (int i = 0; i < 3; ++i) crawler.publish(record("Before " + std::to_string(i)));
  server.start();
  // Longer than the longest retry, so the publisher is back before the last items.
  for (int i = 0; i < 10; ++i) {
    crawler.publish(record("After " + std::to_string(i)));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  const auto all = ids_after(0);
  ASSERT_TRUE(eventually([&] { return received.size() >= all.size(); })) << log_->text();
  EXPECT_EQ(received.ids(), all);
  EXPECT_EQ(log_->count("no subscription to"), 1U) << log_->text();
}

TEST_F(RedisBusTest, ARedisRestartMidStreamLosesAndRepeatsNothing) {
  RedisServer server;
  server.start();
  const auto baseline = store_->latest_history_id();
  RedisBus crawler(redis_on(server.port()), catch_up());
  RedisBus api_one(redis_on(server.port()), catch_up());
  RedisBus api_two(redis_on(server.port()), catch_up());
  Received one, two;
  const auto subscription_one = api_one.subscribe(one.listener());
  const auto subscription_two = api_two.subscribe(two.listener());

  Recorder recorder([this](const std::string& title) { return record(title); }, crawler,
                    std::chrono::milliseconds(20));
  ASSERT_TRUE(eventually([&] { return one.size() >= 10 && two.size() >= 10; })) << log_->text();
  server.kill();
  const auto at_kill = recorder.count();
  ASSERT_TRUE(eventually([&] { return recorder.count() >= at_kill + 20; }));
  server.start();
  const auto at_start = recorder.count();
  ASSERT_TRUE(eventually([&] { return recorder.count() >= at_start + 100; }));
  recorder.stop();

  const auto all = ids_after(baseline);
  ASSERT_EQ(all.size(), static_cast<std::size_t>(recorder.count()));
  ASSERT_TRUE(eventually([&] { return one.size() >= all.size() && two.size() >= all.size(); }))
      << "one got " << one.size() << ", two got " << two.size() << " of " << all.size() << "\n"
      << log_->text();
  EXPECT_EQ(one.ids(), all);
  EXPECT_EQ(two.ids(), all);
  // One line per subscriber when the outage starts and one when it ends, not one per attempt.
  EXPECT_EQ(log_->count("no subscription to"), 2U) << log_->text();
  EXPECT_EQ(log_->count("again after"), 2U) << log_->text();
  EXPECT_EQ(log_->count("cannot publish"), 1U) << log_->text();
}

}  // namespace
}  // namespace nicecream::testing

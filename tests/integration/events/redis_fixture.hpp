#pragma once

#include <gtest/gtest.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "events/bus.hpp"
#include "events/redis/catch_up.hpp"
#include "events/redis/redis_settings.hpp"
#include "store/store.hpp"

namespace nicecream::testing {

// Keeps every log line, so tests can check what was said and how often.
class CapturedLog final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::size_t count(const std::string& fragment);
  std::string text();

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override;
  void flush_() override {}

 private:
  std::vector<std::string> lines_;
};

// Polls until `done` holds; false when it still does not after `limit`. For waiting on other
// threads and processes, never for asserting on speed: the limit is generous.
bool eventually(const std::function<bool()>& done,
                std::chrono::seconds limit = std::chrono::seconds(30));

// What a bus delivered to one listener, in order.
class Received {
 public:
  events::Listener listener();
  std::vector<domain::HistoryItem> items();
  std::vector<domain::Id> ids();
  std::size_t size();

 private:
  std::mutex mutex_;
  std::vector<domain::HistoryItem> items_;
};

// A real SQLite store with one channel, a Redis channel name of the test's own (tests run in
// parallel against one Redis), and the log captured.
class RedisBusTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The server tests/support/redis/start.sh started; fails the test, saying how to start one,
  // when its exports are missing.
  events::redis::RedisSettings shared_redis();
  // A server of the test's own, on `port`.
  events::redis::RedisSettings redis_on(std::uint16_t port);
  // What a bus reads from the test's store when Redis did not deliver, as `serve` wires it.
  events::redis::CatchUp catch_up();

  domain::HistoryItem record(const std::string& title);  // a new item on the test's channel
  std::vector<domain::Id> ids_after(domain::Id after);   // the store's, oldest first

  std::filesystem::path data_dir_;
  std::unique_ptr<store::Store> store_;
  domain::Channel channel_;
  std::string redis_channel_;
  std::shared_ptr<CapturedLog> log_;
  std::shared_ptr<spdlog::logger> previous_logger_;
};

}  // namespace nicecream::testing

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
#include <thread>
#include <vector>

#include "crawler/crawler.hpp"
#include "events/local/local_bus.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {

// Keeps every log line so tests can check what was said, and how often.
class CapturedLog final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }
  std::size_t count(const std::string& fragment) {
    std::size_t found = 0;
    for (const auto& line : lines())
      if (line.find(fragment) != std::string::npos) ++found;
    return found;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    lines_.emplace_back(message.payload.data(), message.payload.size());
  }
  void flush_() override {}

 private:
  std::vector<std::string> lines_;
};

// Polls until `done` holds; false when it still does not after `limit`. Used to wait for the
// crawler, never to assert on speed: the limit is generous.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::seconds limit = std::chrono::seconds(30)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

// A real SQLite store in a fresh folder, a LocalBus whose publishes are counted, the station
// emulator, and a crawler on its own thread, started by start_crawler().
class CrawlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/nicecream-crawler-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    data_dir_ = pattern;
    store_ = store::sqlite::open_sqlite_store(data_dir_);
    store_->migrate();
    // The first migration seeds the original's voscast channels; tests reach loopback only.
    for (const auto& seeded : store_->list_channels()) store_->remove_channel(seeded.id);
    subscription_ = bus_.subscribe([this](const domain::HistoryItem& item) {
      std::lock_guard lock(published_mutex_);
      published_.push_back(item);
    });
    log_ = std::make_shared<CapturedLog>();
    previous_logger_ = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", log_));
    spdlog::set_level(spdlog::level::debug);
    settings_.interval = std::chrono::milliseconds(100);
    settings_.backoff_interval = std::chrono::seconds(60);
    settings_.user_agent = "NicecreamHistory/test";
    settings_.lease_ttl = std::chrono::seconds(90);
    settings_.request_timeout = std::chrono::seconds(2);
    settings_.max_body_bytes = 64 * 1024;
    settings_.lease_owner = "test-crawler";
    settings_.allow_private_targets = true;  // the emulator listens on loopback
  }

  void TearDown() override {
    stop_crawler();
    subscription_.reset();
    store_.reset();
    std::filesystem::remove_all(data_dir_);
    spdlog::set_default_logger(previous_logger_);
  }

  domain::Channel add_channel(const std::string& name, const std::string& url,
                              const std::string& format = "auto",
                              const std::string& title_pointer = "") {
    return store_->add_channel({name, url, format, title_pointer});
  }

  void start_crawler() {
    crawler_ = std::make_unique<crawler::Crawler>(*store_, bus_, settings_);
    thread_ = std::jthread([this](std::stop_token stop) { crawler_->run(stop); });
  }

  void stop_crawler() {
    if (thread_.joinable()) {
      thread_.request_stop();
      thread_.join();
    }
  }

  // The channel's titles, oldest first.
  std::vector<std::string> titles(domain::Id channel_id) {
    domain::HistoryQuery query;
    query.channel_id = channel_id;
    query.limit = domain::kMaxPageSize;
    std::vector<std::string> found;
    for (const auto& item : store_->list_history(query))
      found.insert(found.begin(), item.song_title);
    return found;
  }

  std::vector<domain::HistoryItem> published() {
    std::lock_guard lock(published_mutex_);
    return published_;
  }

  // The crawler stores an item before it publishes it, so a test that saw the item in the store
  // waits for its publication before it counts what was published.
  bool published_all_recorded() {
    domain::HistoryQuery everything;
    everything.limit = domain::kMaxPageSize;
    const auto recorded = store_->list_history(everything).size();
    return eventually([&] { return published().size() >= recorded; });
  }

  bool has_title(domain::Id channel_id, const std::string& title) {
    const auto all = titles(channel_id);
    return !all.empty() && all.back() == title;
  }

  // Waits until the station has been asked `more` more times than now: proof that the crawler
  // polled it again after whatever the test just did.
  bool polled_again(const std::string& station, std::int64_t more = 3) {
    const auto seen = emulator_.state(station).requests;
    return eventually([&] { return emulator_.state(station).requests >= seen + more; });
  }

  std::filesystem::path data_dir_;
  std::unique_ptr<store::Store> store_;
  events::LocalBus bus_;
  std::unique_ptr<events::Subscription> subscription_;
  std::mutex published_mutex_;
  std::vector<domain::HistoryItem> published_;
  std::shared_ptr<CapturedLog> log_;
  std::shared_ptr<spdlog::logger> previous_logger_;
  StationEmulator emulator_;
  crawler::CrawlerSettings settings_;
  std::unique_ptr<crawler::Crawler> crawler_;
  std::jthread thread_;
};

}  // namespace nicecream::testing

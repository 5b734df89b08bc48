#include "integration/events/redis_fixture.hpp"

#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "cli/runtime.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::testing {

std::size_t CapturedLog::count(const std::string& fragment) {
  std::lock_guard lock(mutex_);
  std::size_t found = 0;
  for (const auto& line : lines_)
    if (line.find(fragment) != std::string::npos) ++found;
  return found;
}

std::string CapturedLog::text() {
  std::lock_guard lock(mutex_);
  std::string all;
  for (const auto& line : lines_) all += line + "\n";
  return all;
}

void CapturedLog::sink_it_(const spdlog::details::log_msg& message) {
  lines_.emplace_back(message.payload.data(), message.payload.size());
}

bool eventually(const std::function<bool()>& done, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

events::Listener Received::listener() {
  return [this](const domain::HistoryItem& item) {
    std::lock_guard lock(mutex_);
    items_.push_back(item);
  };
}

std::vector<domain::HistoryItem> Received::items() {
  std::lock_guard lock(mutex_);
  return items_;
}

std::vector<domain::Id> Received::ids() {
  std::vector<domain::Id> ids;
  for (const auto& item : items()) ids.push_back(item.id);
  return ids;
}

std::size_t Received::size() {
  return items().size();
}

void RedisBusTest::SetUp() {
  char pattern[] = "/tmp/nicecream-events-test-XXXXXX";
  ASSERT_NE(::mkdtemp(pattern), nullptr);
  data_dir_ = pattern;
  store_ = store::sqlite::open_sqlite_store(data_dir_);
  store_->migrate();
  // The first migration seeds the original's voscast channels; these tests never crawl.
  for (const auto& seeded : store_->list_channels()) store_->remove_channel(seeded.id);
  channel_ = store_->add_channel({"test", "http://127.0.0.1:9/none", "auto", ""});
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  redis_channel_ = "nicecream-test-" + std::to_string(::getpid()) + "-" + test->name();
  log_ = std::make_shared<CapturedLog>();
  previous_logger_ = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", log_));
  spdlog::set_level(spdlog::level::debug);
}

void RedisBusTest::TearDown() {
  store_.reset();
  std::filesystem::remove_all(data_dir_);
  spdlog::set_default_logger(previous_logger_);
}

events::redis::RedisSettings RedisBusTest::shared_redis() {
  const char* host = std::getenv("NICECREAM_TEST_REDIS_HOST");
  const char* port = std::getenv("NICECREAM_TEST_REDIS_PORT");
  if (!host || !port)
    throw std::runtime_error(
        "NICECREAM_TEST_REDIS_HOST and NICECREAM_TEST_REDIS_PORT are not set: start a Redis with "
        "eval \"$(tests/support/redis/start.sh)\" (scripts/test does)");
  auto settings = redis_on(static_cast<std::uint16_t>(std::stoi(port)));
  settings.host = host;
  return settings;
}

events::redis::RedisSettings RedisBusTest::redis_on(std::uint16_t port) {
  events::redis::RedisSettings settings;
  settings.host = "127.0.0.1";
  settings.port = port;
  settings.channel = redis_channel_;
  settings.longest_retry = std::chrono::milliseconds(1000);
  return settings;
}

events::redis::CatchUp RedisBusTest::catch_up() {
  return cli::catch_up_from(*store_);
}

domain::HistoryItem RedisBusTest::record(const std::string& title) {
  auto outcome = store_->record_title(channel_.id, title, domain::now());
  if (!outcome.inserted) throw std::logic_error("'" + title + "' was the channel's title already");
  return *outcome.inserted;
}

std::vector<domain::Id> RedisBusTest::ids_after(domain::Id after) {
  std::vector<domain::Id> ids;
  for (const auto& item : store_->history_after(after, std::nullopt, 100000))
    ids.push_back(item.id);
  return ids;
}

}  // namespace nicecream::testing

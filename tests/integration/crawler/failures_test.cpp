#include <sqlite3.h>

#include "crawler_fixture.hpp"

namespace nicecream::testing {
namespace {

class CrawlerFailures : public CrawlerTest {};

TEST_F(CrawlerFailures, AFailingChannelBacksOffWhileOthersKeepRecording) {
  emulator_.set_mode("broken", "500");
  emulator_.set_title("fine", "Fine - One");
  const auto broken = add_channel("broken", emulator_.url("broken", "currentsong"));
  const auto fine = add_channel("fine", emulator_.url("fine", "currentsong"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return has_title(fine.id, "Fine - One"); }));
  for (const auto* title : {"Fine - Two", "Fine - Three", "Fine - Four"}) {
    emulator_.set_title("fine", title);
    ASSERT_TRUE(eventually([&] { return has_title(fine.id, title); }));
  }
  // The backoff (60 s) is far longer than this test: one request, then silence.
  EXPECT_EQ(emulator_.state("broken").requests, 1);
  EXPECT_TRUE(titles(broken.id).empty());
  EXPECT_EQ(titles(fine.id).size(), 4u);
  EXPECT_EQ(log_->count("channel broken: HTTP 500"), 1u);
}

struct Misbehaviour {
  std::string mode;
  std::string reason;  // what the log says
};

TEST_F(CrawlerFailures, MisbehavingStationsAreBoundedAndLoggedOncePerChange) {
  settings_.backoff_interval = std::chrono::milliseconds(200);  // so each fails many times
  settings_.request_timeout = std::chrono::seconds(1);
  const std::vector<Misbehaviour> cases = {
      {"hang", "timeout"},
      {"slow", "timeout"},
      {"oversized", "body too large"},
      {"redirect-loop", "too many redirects"},
      {"garbage", "no songtitle"},
      {"truncated", ""},
      {"500", "HTTP 500"},
  };
  for (const auto& c : cases) {
    emulator_.set_mode(c.mode, c.mode);
    add_channel(c.mode.substr(0, 10), emulator_.url(c.mode, "display.js"));
  }
  emulator_.set_title("steady", "Steady - One");
  const auto steady = add_channel("steady", emulator_.url("steady", "display.js"));
  start_crawler();
  for (const auto& c : cases)
    ASSERT_TRUE(eventually([&] { return emulator_.state(c.mode).requests >= 3; })) << c.mode;
  emulator_.set_title("steady", "Steady - Two");
  EXPECT_TRUE(eventually([&] { return has_title(steady.id, "Steady - Two"); }));

  for (const auto& c : cases) {
    const auto prefix = "channel " + c.mode.substr(0, 10) + ": " + c.reason;
    EXPECT_EQ(log_->count(prefix), 1u)
        << c.mode << " logged: " << ::testing::PrintToString(log_->lines());
  }
  // The cap stopped reading: the emulator could not push its 64 MiB through.
  EXPECT_LT(emulator_.state("oversized").bytes_sent, 3 * 16 * 1024 * 1024);
  ASSERT_TRUE(published_all_recorded());
  EXPECT_EQ(published().size(), 2u);
}

TEST_F(CrawlerFailures, RecoveryIsLoggedOnceAndRecords) {
  settings_.backoff_interval = std::chrono::milliseconds(200);
  emulator_.set_mode("flaky", "500");
  emulator_.set_title("flaky", "Flaky - Back");
  const auto channel = add_channel("flaky", emulator_.url("flaky", "currentsong"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return emulator_.state("flaky").requests >= 3; }));
  emulator_.set_mode("flaky", "ok");
  ASSERT_TRUE(eventually([&] { return has_title(channel.id, "Flaky - Back"); }));
  ASSERT_TRUE(polled_again("flaky"));
  EXPECT_EQ(log_->count("channel flaky: HTTP 500"), 1u);
  EXPECT_EQ(log_->count("channel flaky: reading titles"), 1u);
}

TEST_F(CrawlerFailures, RefusedConnectionsAndBadUrlsFailWithoutCrashing) {
  settings_.backoff_interval = std::chrono::milliseconds(200);
  add_channel("refused", "http://127.0.0.1:1/display.js");
  add_channel("ftp", "ftp://127.0.0.1/display.js");
  add_channel("nonsense", "not a url at all");
  emulator_.set_title("ok", "Still - Fine");
  const auto ok = add_channel("ok", emulator_.url("ok", "display.js"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return has_title(ok.id, "Still - Fine"); }));
  EXPECT_TRUE(eventually([&] {
    return log_->count("channel refused: ") == 1 &&
           log_->count("channel ftp: only http and https URLs are allowed") == 1 &&
           log_->count("channel nonsense: ") == 1;
  })) << ::testing::PrintToString(log_->lines());
}

// Another connection holds the database's write lock past the store's busy timeout: the store is
// unavailable for real. The crawler must log it, keep going, and record once the lock is gone.
TEST_F(CrawlerFailures, AnUnavailableStoreIsRetriedWithoutLosingTheTitle) {
  emulator_.set_title("locked", "Locked - Out");
  const auto channel = add_channel("locked", emulator_.url("locked", "currentsong"));
  sqlite3* blocker = nullptr;
  const auto file = data_dir_ / store::sqlite::kDatabaseFileName;
  ASSERT_EQ(sqlite3_open(file.c_str(), &blocker), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(blocker, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  start_crawler();
  const bool noticed =
      eventually([&] { return log_->count("store unavailable") >= 1; }, std::chrono::seconds(60));
  sqlite3_exec(blocker, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(blocker);
  ASSERT_TRUE(noticed) << ::testing::PrintToString(log_->lines());
  EXPECT_TRUE(
      eventually([&] { return has_title(channel.id, "Locked - Out"); }, std::chrono::seconds(60)));
  ASSERT_TRUE(polled_again("locked"));
  EXPECT_EQ(titles(channel.id).size(), 1u);
  EXPECT_EQ(published().size(), 1u);
}

}  // namespace
}  // namespace nicecream::testing

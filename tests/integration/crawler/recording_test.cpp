#include <sys/resource.h>

#include "crawler_fixture.hpp"

namespace nicecream::testing {
namespace {

class CrawlerRecording : public CrawlerTest {};

// User + system CPU seconds of this process: the crawler's thread and the test's.
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

TEST_F(CrawlerRecording, EachTitleChangeIsOneItemAndOnePublish) {
  emulator_.set_title("red", "Air - Sexy Boy");
  const auto channel = add_channel("red", emulator_.url("red", "display.js"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return has_title(channel.id, "Air - Sexy Boy"); }));

  emulator_.set_title("red", "Air - Kelly Watch the Stars");
  ASSERT_TRUE(eventually([&] { return has_title(channel.id, "Air - Kelly Watch the Stars"); }));
  ASSERT_TRUE(polled_again("red"));

  EXPECT_EQ(titles(channel.id),
            (std::vector<std::string>{"Air - Sexy Boy", "Air - Kelly Watch the Stars"}));
  const auto items = published();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].song_title, "Air - Sexy Boy");
  EXPECT_EQ(items[1].song_title, "Air - Kelly Watch the Stars");
  EXPECT_EQ(items[1].channel_id, channel.id);
  EXPECT_EQ(items[1].id, store_->latest_history_id());
}

TEST_F(CrawlerRecording, TheSameTitleRecordsNothingMore) {
  emulator_.set_title("same", "Muse - Uprising");
  const auto channel = add_channel("same", emulator_.url("same", "currentsong"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return has_title(channel.id, "Muse - Uprising"); }));
  ASSERT_TRUE(polled_again("same", 5));
  EXPECT_EQ(titles(channel.id).size(), 1u);
  EXPECT_EQ(published().size(), 1u);
}

TEST_F(CrawlerRecording, ATitleAlreadyInTheStoreIsNotRecordedAgainAfterARestart) {
  emulator_.set_title("again", "Portishead - Roads");
  const auto channel = add_channel("again", emulator_.url("again", "7.html"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return has_title(channel.id, "Portishead - Roads"); }));
  stop_crawler();
  start_crawler();
  ASSERT_TRUE(polled_again("again"));
  EXPECT_EQ(titles(channel.id).size(), 1u);
  EXPECT_EQ(published().size(), 1u);
}

TEST_F(CrawlerRecording, PicksUpChannelsAddedWhileRunning) {
  emulator_.set_title("late", "Late - Comer");
  start_crawler();
  ASSERT_TRUE(eventually([&] { return log_->count("polling 0 channels") == 1; }));
  const auto channel = add_channel("late", emulator_.url("late", "currentsong"));
  EXPECT_TRUE(eventually([&] { return has_title(channel.id, "Late - Comer"); }));
}

TEST_F(CrawlerRecording, StopsPolledChannelsThatWereRemoved) {
  emulator_.set_title("gone", "Gone - Soon");
  const auto channel = add_channel("gone", emulator_.url("gone", "currentsong"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return has_title(channel.id, "Gone - Soon"); }));
  ASSERT_TRUE(store_->remove_channel(channel.id));
  // Once the crawler has noticed, the station is asked no more.
  ASSERT_TRUE(eventually([&] {
    const auto before = emulator_.state("gone").requests;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    return emulator_.state("gone").requests == before;
  }));
}

TEST_F(CrawlerRecording, StopsPromptlyWhileAStationHangs) {
  emulator_.set_mode("stuck", "hang");
  settings_.request_timeout = std::chrono::seconds(600);  // only the stop request can end it
  add_channel("stuck", emulator_.url("stuck", "currentsong"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return emulator_.state("stuck").requests == 1; }));
  stop_crawler();  // returning at all is the assertion: the transfer must not be waited out
  EXPECT_FALSE(thread_.joinable());
}

// With every transfer slot taken, a due channel waits for one to end: the crawler sleeps
// meanwhile, instead of waking at once again and again because that channel is overdue.
TEST_F(CrawlerRecording, WaitsWithoutSpinningWhileEverySlotIsTaken) {
  emulator_.set_mode("stuck", "hang");
  settings_.max_parallel = 1;
  settings_.request_timeout = std::chrono::seconds(600);
  add_channel("stuck", emulator_.url("stuck", "currentsong"));  // taken first: the lower id
  add_channel("waiting", emulator_.url("waiting", "currentsong"));
  start_crawler();
  ASSERT_TRUE(eventually([&] { return emulator_.state("stuck").requests == 1; }));
  const auto cpu_before = process_cpu_seconds();
  std::this_thread::sleep_for(std::chrono::seconds(1));  // the span measured
  const auto used = process_cpu_seconds() - cpu_before;
  EXPECT_EQ(emulator_.state("waiting").requests, 0);  // still waiting for the slot
  EXPECT_LT(used, 0.2) << "the crawler spun for the whole second";
}

}  // namespace
}  // namespace nicecream::testing

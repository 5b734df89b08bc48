// A station that fails or hangs costs only its own channel: it backs off, and the others keep
// recording and reaching the live stream.
#include <algorithm>

#include "live_fixture.hpp"

namespace nicecream::testing {
namespace {

class FailingChannels : public LiveTest {
 protected:
  // Changes red's and blue's titles and checks both arrive on the stream and in /history.
  void expect_the_others_keep_recording(EventStreamClient& stream, const std::string& round) {
    for (const auto* station : {"red", "blue"})
      emulator_.set_title(station, std::string(station) + " - " + round);
    std::vector<std::string> received;
    for (int i = 0; i < 2; ++i) {
      const auto item = next_item(stream);
      ASSERT_TRUE(item) << round << ": only " << i << " events\n" << server->log();
      EXPECT_NE(item->channel_id, channel_id("green"));
      received.push_back(item->song_title);
    }
    std::sort(received.begin(), received.end());
    EXPECT_EQ(received, (std::vector<std::string>{"blue - " + round, "red - " + round}));
    EXPECT_EQ(latest_title("red"), "red - " + round);
    EXPECT_EQ(latest_title("blue"), "blue - " + round);
  }
};

TEST_F(FailingChannels, AnErrorAnswerBacksOffWhileTheOthersKeepRecording) {
  ASSERT_NO_FATAL_FAILURE(start());
  EventStreamClient stream(server->port(), stream_url());
  const auto before = emulator_.state("green").requests;
  emulator_.set_mode("green", "500");
  emulator_.set_title("green", "green - Never Seen");
  ASSERT_TRUE(eventually([&] { return emulator_.state("green").requests > before; }));
  const auto failed_at = emulator_.state("green").requests;

  ASSERT_NO_FATAL_FAILURE(expect_the_others_keep_recording(stream, "First Round"));
  ASSERT_NO_FATAL_FAILURE(expect_the_others_keep_recording(stream, "Second Round"));
  ASSERT_TRUE(polled_again("red", 3));

  EXPECT_EQ(emulator_.state("green").requests, failed_at)
      << "backing off for API_CRAWLER_BACKOFF_INTERVAL, not polling every second";
  EXPECT_EQ(titles("green"), std::vector<std::string>{opening_title("green")});
  EXPECT_TRUE(server->log_contains("channel green")) << "the failure is logged";
  EXPECT_EQ(client->get("/history").status, 200);
}

TEST_F(FailingChannels, AHangingStationDoesNotHoldUpTheOthers) {
  ASSERT_NO_FATAL_FAILURE(start());
  EventStreamClient stream(server->port(), stream_url());
  const auto before = emulator_.state("green").requests;
  emulator_.set_mode("green", "hang");
  ASSERT_TRUE(eventually([&] { return emulator_.state("green").requests > before; }));
  const auto hanging_since = emulator_.state("green").requests;

  // Within the crawler's request timeout (10 s) the hanging fetch is still open.
  ASSERT_NO_FATAL_FAILURE(expect_the_others_keep_recording(stream, "During The Hang"));
  EXPECT_EQ(emulator_.state("green").requests, hanging_since) << "one fetch, still waiting";

  // Once the fetch times out the channel backs off; still nobody else waits on it.
  ASSERT_NO_FATAL_FAILURE(expect_the_others_keep_recording(stream, "Later On"));
  EXPECT_EQ(titles("green"), std::vector<std::string>{opening_title("green")});
}

}  // namespace
}  // namespace nicecream::testing

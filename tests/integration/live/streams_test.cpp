// Open streams against a crawling server: a client that stops reading holds up nobody else, and
// SIGTERM ends every stream and the process cleanly.
#include <csignal>

#include "live_fixture.hpp"
#include "tcp_table.hpp"

namespace nicecream::testing {
namespace {

class LiveStreams : public LiveTest {
 protected:
  static std::vector<EmulatedChannel> voscast_stations(int count) {
    std::vector<EmulatedChannel> stations;
    for (int i = 0; i < count; ++i)
      stations.push_back({"s" + std::to_string(i), "display.js", "voscast", ""});
    return stations;
  }
};

TEST_F(LiveStreams, ShutdownEndsOpenStreamsAndExitsCleanly) {
  ASSERT_NO_FATAL_FAILURE(start());
  std::vector<std::unique_ptr<EventStreamClient>> streams;
  for (int i = 0; i < 5; ++i)
    streams.push_back(std::make_unique<EventStreamClient>(server->port(), stream_url()));
  emulator_.set_title("red", "Red - Before Shutdown");
  for (auto& stream : streams) ASSERT_TRUE(next_item(*stream)) << "every stream is live";
  emulator_.set_title("green", "Green - While Shutting Down");  // the crawler is busy too

  server->signal(SIGTERM);
  for (auto& stream : streams) EXPECT_TRUE(stream->ended(std::chrono::seconds{10}));
  EXPECT_EQ(server->wait(std::chrono::seconds{15}), 0) << server->log();
  EXPECT_TRUE(server->log_contains("stopped")) << server->log();
}

// A stalled client's socket fills up, and the server's writes to it cannot proceed; everyone
// else still gets every item as it is recorded.
TEST_F(LiveStreams, AClientThatStopsReadingDoesNotHoldUpTheOthers) {
  constexpr int kStations = 6;
  constexpr int kRounds = 8;
  ASSERT_NO_FATAL_FAILURE(start(voscast_stations(kStations)));
  const auto start_id = latest_id();
  EventStreamClient stalled(server->port(), stream_url(), {}, 4096);
  EventStreamClient reader(server->port(), stream_url());
  ASSERT_EQ(stalled.status(), 200);
  const auto stalled_port = stalled.local_port();

  // Long titles fill the stalled client's buffers within a few rounds.
  const std::string padding(8000, 'x');
  std::vector<LiveItem> received;
  for (int round = 0; round < kRounds; ++round) {
    for (int i = 0; i < kStations; ++i)
      emulator_.set_title("s" + std::to_string(i), "s" + std::to_string(i) + " - Round " +
                                                       std::to_string(round) + " " + padding);
    for (int i = 0; i < kStations; ++i) {
      const auto item = next_item(reader);
      ASSERT_TRUE(item) << "round " << round << ": only " << i << " events\n" << server->log();
      received.push_back(*item);
    }
  }

  const auto server_side = tcp_entry(server->port(), stalled_port);
  ASSERT_TRUE(server_side) << "the stalled connection is open";
  EXPECT_GT(server_side->unsent, 0u) << "the server holds bytes the stalled client did not take";
  const auto client_side = tcp_entry(stalled_port, server->port());
  ASSERT_TRUE(client_side);
  EXPECT_GT(client_side->unread, 0u);

  std::vector<LiveItem> recorded;
  for (const auto& item : history())
    if (item.id > start_id) recorded.push_back(item);
  EXPECT_EQ(recorded.size(), static_cast<std::size_t>(kStations * kRounds));
  EXPECT_EQ(received, recorded) << "the reading client got every item, in order";
  EXPECT_EQ(client->get("/channels").status, 200) << "and the server answers as usual";
}

}  // namespace
}  // namespace nicecream::testing

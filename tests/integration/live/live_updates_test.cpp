// A title change travels station -> crawler -> store -> bus -> every open stream, in the real
// binary: once, in order, filtered as asked, and replayed to a client that comes back.
#include <algorithm>
#include <atomic>
#include <thread>

#include "live_fixture.hpp"

namespace nicecream::testing {
namespace {

class LiveUpdates : public LiveTest {};

std::vector<LiveItem> sorted_by_channel(std::vector<LiveItem> items) {
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.channel_id < b.channel_id; });
  return items;
}

TEST_F(LiveUpdates, ATitleChangeIsOneHistoryItemAndOneEventOnEveryFormat) {
  ASSERT_NO_FATAL_FAILURE(start());
  EventStreamClient stream(server->port(), stream_url());
  ASSERT_EQ(stream.status(), 200);
  EXPECT_EQ(stream.header("content-type"), "text/event-stream");
  EXPECT_EQ(stream.header("x-accel-buffering"), "no");
  EXPECT_EQ(stream.header("cache-control"), "no-cache");

  std::vector<LiveItem> expected;
  for (const auto* station : {"red", "green", "blue"}) {
    emulator_.set_title(station, std::string(station) + " Artist - Second Track");
    expected.push_back({0, channel_id(station), std::string(station) + " Artist - Second Track"});
  }
  std::vector<LiveItem> received;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto item = next_item(stream);
    ASSERT_TRUE(item) << "only " << i << " events arrived\n" << server->log();
    received.push_back(*item);
  }
  received = sorted_by_channel(received);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(received[i].channel_id, expected[i].channel_id);
    EXPECT_EQ(received[i].song_title, expected[i].song_title);
  }

  for (const auto* station : {"red", "green", "blue"}) {
    const auto recorded = history("&channel_id=" + std::to_string(channel_id(station)));
    ASSERT_EQ(recorded.size(), 2u) << station;
    EXPECT_EQ(recorded[0].song_title, opening_title(station));
    const auto event = std::find_if(received.begin(), received.end(), [&](const auto& item) {
      return item.channel_id == channel_id(station);
    });
    EXPECT_EQ(recorded[1], *event) << "the event is the history item, id included";
  }
}

// As in the original, the event is named after REDIS_CHANNEL (here without Redis: the name
// follows the setting whichever bus carries the item).
TEST_F(LiveUpdates, TheEventIsNamedAfterRedisChannel) {
  ASSERT_NO_FATAL_FAILURE(start(three_formats(), {{"REDIS_CHANNEL", "nicecream-items"}}));
  EventStreamClient stream(server->port(), stream_url());
  emulator_.set_title("red", "Air - Sexy Boy");
  const auto event = stream.next_event(kEventWait);
  ASSERT_TRUE(event) << server->log();
  EXPECT_EQ(event->count("event") ? event->at("event") : "", "nicecream-items");
  EXPECT_EQ(live_item(boost::json::parse(event->at("data"))).song_title, "Air - Sexy Boy");

  EventStreamClient replayed(server->port(), stream_url("?last_event_id=0"));
  const auto first = replayed.next_event(kEventWait);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->count("event") ? first->at("event") : "", "nicecream-items") << "replays too";
}

TEST_F(LiveUpdates, TheSameTitleAgainRecordsAndSendsNothing) {
  ASSERT_NO_FATAL_FAILURE(start());
  EventStreamClient stream(server->port(), stream_url());
  emulator_.set_title("red", "Air - Sexy Boy");
  const auto first = next_item(stream);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->song_title, "Air - Sexy Boy");

  emulator_.set_title("red", "Air - Sexy Boy");  // set again: the station still plays it
  ASSERT_TRUE(polled_again("red"));
  ASSERT_TRUE(polled_again("green"));
  EXPECT_EQ(titles("red"), (std::vector<std::string>{opening_title("red"), "Air - Sexy Boy"}));
  EXPECT_EQ(history().size(), 4u) << "one opening title per channel, one change";
  const auto extra = next_item(stream, std::chrono::seconds{2});
  EXPECT_FALSE(extra) << "unexpected event " << *extra;
}

TEST_F(LiveUpdates, TheChannelFilterSendsThatChannelOnly) {
  ASSERT_NO_FATAL_FAILURE(start());
  EventStreamClient red_only(server->port(),
                             stream_url("?channel_id=" + std::to_string(channel_id("red"))));
  EventStreamClient everything(server->port(), stream_url());
  ASSERT_EQ(red_only.status(), 200);

  emulator_.set_title("green", "Green - Not For The Filter");
  const auto green = next_item(everything);
  ASSERT_TRUE(green);
  EXPECT_EQ(green->channel_id, channel_id("green"));
  emulator_.set_title("blue", "Blue - Not For The Filter");
  ASSERT_TRUE(next_item(everything));
  emulator_.set_title("red", "Red - For The Filter");
  const auto red = next_item(everything);
  ASSERT_TRUE(red);

  const auto filtered = next_item(red_only);
  ASSERT_TRUE(filtered);
  EXPECT_EQ(*filtered, *red) << "the first event the filtered stream sees is red's";
  const auto extra = next_item(red_only, std::chrono::seconds{1});
  EXPECT_FALSE(extra) << "unexpected event " << *extra;
}

TEST_F(LiveUpdates, AReconnectingClientGetsEveryMissedItemOnceInOrder) {
  ASSERT_NO_FATAL_FAILURE(start());
  const auto start_id = latest_id();
  const std::map<std::string, std::string> from_start = {
      {"Last-Event-ID", std::to_string(start_id)}};
  // Titles keep changing while one client stays and another comes and goes.
  std::atomic<bool> changing = true;
  std::jthread stations([&] {
    for (int song = 1; changing; ++song) {
      for (const auto* station : {"red", "green", "blue"})
        emulator_.set_title(station, std::string(station) + " - Song " + std::to_string(song));
      std::this_thread::sleep_for(std::chrono::milliseconds{700});
    }
  });
  EventStreamClient steady(server->port(), stream_url(), from_start);
  std::vector<LiveItem> steady_items, coming_and_going;
  auto last_seen = start_id;
  for (int visit = 0; visit < 4; ++visit) {
    EventStreamClient visitor(server->port(), stream_url(),
                              {{"Last-Event-ID", std::to_string(last_seen)}});
    ASSERT_EQ(visitor.status(), 200);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds{1500};
    while (std::chrono::steady_clock::now() < deadline)
      if (auto item = next_item(visitor, std::chrono::milliseconds{200})) {
        coming_and_going.push_back(*item);
        last_seen = item->id;
      }
    visitor.close();
    std::this_thread::sleep_for(std::chrono::milliseconds{1500});  // items go by meanwhile
  }
  changing = false;
  stations.join();
  for (const auto* station : {"red", "green", "blue"}) ASSERT_TRUE(polled_again(station, 2));

  EventStreamClient last_visit(server->port(), stream_url(),
                               {{"Last-Event-ID", std::to_string(last_seen)}});
  for (const auto& item : drain(last_visit, std::chrono::seconds{2}))
    coming_and_going.push_back(item);
  steady_items = drain(steady, std::chrono::seconds{2});

  std::vector<LiveItem> recorded;
  for (const auto& item : history())
    if (item.id > start_id) recorded.push_back(item);
  ASSERT_GE(recorded.size(), 9u) << "the stations changed titles several times";
  EXPECT_EQ(steady_items, recorded);
  EXPECT_EQ(coming_and_going, recorded) << "every item once, in id order, across reconnects";
}

}  // namespace
}  // namespace nicecream::testing

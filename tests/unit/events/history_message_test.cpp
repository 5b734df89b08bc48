#include "events/redis/history_message.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/timestamp.hpp"

namespace nicecream::events::redis {
namespace {

domain::HistoryItem sample_item() {
  return {42, *domain::parse_timestamp("2026-11-27T19:57:07.590829+00:00"),
          7,  "Daft Punk - \"One More Time\" \xc3\xa9",
          2,  99};
}

TEST(HistoryMessage, IsTheContractsJsonWithBookmarkZero) {
  EXPECT_EQ(encode_history_message(sample_item()),
            R"({"id":42,"created_at":"2026-11-27T19:57:07.590829+00:00","song_id":7,)"
            R"("song_title":"Daft Punk - \"One More Time\" )"
            "\xc3\xa9"
            R"(","channel_id":2,"bookmark_id":0})");
}

TEST(HistoryMessage, RoundTrips) {
  const auto decoded = decode_history_message(encode_history_message(sample_item()));
  ASSERT_TRUE(decoded.item) << decoded.error;
  EXPECT_EQ(decoded.item->id, 42);
  EXPECT_EQ(decoded.item->created_at, sample_item().created_at);
  EXPECT_EQ(decoded.item->song_id, 7);
  EXPECT_EQ(decoded.item->song_title, sample_item().song_title);
  EXPECT_EQ(decoded.item->channel_id, 2);
  EXPECT_EQ(decoded.item->bookmark_id, 0);
}

TEST(HistoryMessage, ReadsTheOriginalsNaiveTimestamps) {
  const auto decoded = decode_history_message(
      R"({"id":1,"created_at":"2026-11-27T19:57:07.590829","song_id":1,"song_title":"x",)"
      R"("channel_id":1,"bookmark_id":0})");
  ASSERT_TRUE(decoded.item) << decoded.error;
  EXPECT_EQ(decoded.item->created_at, sample_item().created_at);
}

TEST(HistoryMessage, RefusesWhatIsNoHistoryItem) {
  const std::string rest =
      R"("created_at":"2026-11-27T19:57:07+00:00","song_id":1,"song_title":"x","channel_id":1)";
  const std::vector<std::string> refused{
      "not json",
      "[1]",
      "null",
      "{}",
      R"({"id":"1",)" + rest + "}",
      R"({"id":0,)" + rest + "}",
      R"({"id":1.5,)" + rest + "}",
      R"({"id":18446744073709551615,)" + rest + "}",
      R"({"id":1,"created_at":"soon","song_id":1,"song_title":"x","channel_id":1})",
      R"({"id":1,"created_at":"2026-11-27T19:57:07+00:00","song_id":1,"channel_id":1})",
      R"({"id":1,"created_at":"2026-11-27T19:57:07+00:00","song_id":1,"song_title":5,)"
      R"("channel_id":1})",
      "{\"id\":1,\"song_title\":\"\xff\"}",
      std::string(70000, ' '),
  };
  for (const auto& text : refused) {
    const auto decoded = decode_history_message(text);
    EXPECT_FALSE(decoded.item) << text.substr(0, 80);
    EXPECT_FALSE(decoded.error.empty()) << text.substr(0, 80);
  }
}

}  // namespace
}  // namespace nicecream::events::redis

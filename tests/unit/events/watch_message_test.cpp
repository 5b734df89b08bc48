#include "events/redis/watch_message.hpp"

#include <gtest/gtest.h>

#include "domain/timestamp.hpp"

namespace nicecream::events::redis {
namespace {

domain::WatchMatch sample_match() {
  domain::WatchMatch match;
  match.watch_id = 5;
  match.user_id = 9;
  match.kind = "artist";
  match.value = "Beyonce";
  match.channel_name = "red";
  match.item = {42, *domain::parse_timestamp("2026-11-27T19:57:07.590829+00:00"),
                7,  "Beyonc\xc3\xa9 - Halo",
                1,  0};
  return match;
}

TEST(WatchMessage, RoundTripsWithItsOrigin) {
  const auto decoded = decode_watch_message(encode_watch_message(sample_match(), "abc"));
  ASSERT_TRUE(decoded.match) << decoded.error;
  EXPECT_EQ(decoded.origin, "abc");
  EXPECT_EQ(decoded.match->watch_id, 5);
  EXPECT_EQ(decoded.match->user_id, 9);
  EXPECT_EQ(decoded.match->kind, "artist");
  EXPECT_EQ(decoded.match->value, "Beyonce");
  EXPECT_EQ(decoded.match->channel_name, "red");
  EXPECT_EQ(decoded.match->item.id, 42);
  EXPECT_EQ(decoded.match->item.created_at, sample_match().item.created_at);
  EXPECT_EQ(decoded.match->item.song_title, "Beyonc\xc3\xa9 - Halo");
}

TEST(WatchMessage, TopicSitsBesideTheHistoryChannel) {
  EXPECT_EQ(watch_topic("nicecream"), "nicecream:watch");
}

TEST(WatchMessage, AnythingElseIsAnErrorNotAnException) {
  for (
      const std::string text :
      {"", "[]", "not json", R"({"origin":"a"})",
       R"({"origin":"a","watch_id":0,"user_id":1,"kind":"k","value":"v","channel_name":"c","item":{}})",
       R"({"origin":"a","watch_id":1,"user_id":1,"kind":"k","value":"v","channel_name":"c","item":{"id":1}})"}) {
    const auto decoded = decode_watch_message(text);
    EXPECT_FALSE(decoded.match) << text;
    EXPECT_FALSE(decoded.error.empty()) << text;
  }
}

}  // namespace
}  // namespace nicecream::events::redis

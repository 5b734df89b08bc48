#include "domain/timestamp.hpp"

#include <gtest/gtest.h>

#include "domain/song_title.hpp"

namespace nicecream::domain {
namespace {

using namespace std::chrono;

TEST(Timestamp, WritesUtcWithMicrosecondsAndOffset) {
  const Timestamp at =
      Timestamp{sys_days{2026y / November / 27}} + 19h + 57min + 7s + microseconds{590829};
  EXPECT_EQ(format_timestamp(at), "2026-11-27T19:57:07.590829+00:00");
  EXPECT_EQ(format_timestamp(Timestamp{sys_days{1970y / January / 1}}),
            "1970-01-01T00:00:00.000000+00:00");
}

TEST(Timestamp, ReadsWhatItWritesAndTheOriginalsNaiveForm) {
  const auto at = now();
  EXPECT_EQ(parse_timestamp(format_timestamp(at)), at);
  const auto naive = parse_timestamp("2026-11-27T19:57:07.590829");
  ASSERT_TRUE(naive);
  EXPECT_EQ(format_timestamp(*naive), "2026-11-27T19:57:07.590829+00:00");
  EXPECT_TRUE(parse_timestamp("2026-11-27 19:57:07"));
}

TEST(Timestamp, RejectsMalformedText) {
  for (const auto* text : {"", "2026-13-01T00:00:00", "2026-02-30T00:00:00", "2026-11-27T25:00:00",
                           "2026-11-27T19:57:07.", "2026-11-27T19:57:07+02:00", "yesterday"})
    EXPECT_FALSE(parse_timestamp(text)) << text;
}

TEST(SongTitle, SplitsArtistAndTrackAtTheFirstSeparator) {
  EXPECT_EQ(split_artist_and_track("Daft Punk - One More Time").artist, "Daft Punk");
  EXPECT_EQ(split_artist_and_track("Daft Punk - One More Time").track, "One More Time");
  EXPECT_EQ(split_artist_and_track("A - B - C").track, "B - C");
}

TEST(SongTitle, TitleWithoutSeparatorIsAllTrack) {
  EXPECT_EQ(split_artist_and_track("Station jingle").artist, "");
  EXPECT_EQ(split_artist_and_track("Station jingle").track, "Station jingle");
  EXPECT_EQ(split_artist_and_track("Jay-Z").track, "Jay-Z");
  EXPECT_EQ(split_artist_and_track(" - Intro").artist, "");
}

}  // namespace
}  // namespace nicecream::domain

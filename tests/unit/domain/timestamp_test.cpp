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

TEST(Timestamp, Rfc3339TakesAnyOffsetAndFraction) {
  const auto utc = parse_rfc3339("2026-12-04T16:05:00Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(format_timestamp(*utc), "2026-12-04T16:05:00.000000+00:00");
  EXPECT_EQ(parse_rfc3339("2026-12-04T17:05:00+01:00"), utc);
  EXPECT_EQ(parse_rfc3339("2026-12-04t21:50:00+05:45"), utc);
  EXPECT_EQ(parse_rfc3339("2026-12-04T11:05:00-05:00"), utc);
  EXPECT_EQ(format_timestamp(*parse_rfc3339("2026-12-04T16:05:00.1234567z")),
            "2026-12-04T16:05:00.123456+00:00");
  EXPECT_EQ(format_timestamp(*parse_rfc3339("2026-12-04T00:30:00+01:00")),
            "2026-12-03T23:30:00.000000+00:00");
}

TEST(Timestamp, Rfc3339NeedsAnOffset) {
  for (const auto* text :
       {"2026-12-04T16:05:00", "2026-12-04T16:05:00+01", "2026-12-04T16:05:00+1:00",
        "2026-12-04T16:05:00+24:00", "2026-12-04T16:05:00+01:60", "2026-12-04T16:05:00Z ",
        "2026-12-04T-1:05:00Z", "2026-12-04", ""})
    EXPECT_FALSE(parse_rfc3339(text)) << text;
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

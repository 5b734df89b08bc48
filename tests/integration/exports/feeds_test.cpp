// The Atom feeds on the real binary, each engine, read by Debian's python3-feedparser (bozo must
// stay 0): channel, song and saved-search feeds, 404s and 422s, and conditional GETs (304).
#include "integration/exports/download_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

class FeedsTest : public DownloadTest {
 protected:
  json::object feed(const std::string& target) {
    const auto answer = download(target);
    EXPECT_EQ(answer.status, 200) << target << ": " << answer.body;
    EXPECT_EQ(answer.header("content-type"), "application/atom+xml; charset=utf-8");
    auto parsed = read_download(scratch, "atom", answer.body).as_object();
    EXPECT_EQ(parsed.at("bozo").as_int64(), 0) << parsed.at("bozo_exception") << answer.body;
    EXPECT_EQ(parsed.at("version").as_string(), "atom10");
    return parsed;
  }
  static std::string link(const json::object& parsed, const std::string& rel) {
    for (const auto& link : parsed.at("feed").at("links").as_array())
      if (link.at("rel").as_string() == rel) return std::string(link.at("href").as_string());
    return "";
  }
};

TEST_P(FeedsTest, AChannelFeedHoldsItsLatestAiringsNewestFirst) {
  record(2, "Elsewhere - Not here");
  for (int i = 0; i < 60; ++i) record(1, "Red <Artist> & Co - Track \"" + std::to_string(i) + "\"");
  const auto newest = record(1, "Sigur Rós - Hoppípolla");
  const auto parsed = feed("/channels/1/feed.atom");
  EXPECT_EQ(parsed.at("feed").at("id").as_string(), "urn:nicecream:feed:channel:1");
  EXPECT_NE(parsed.at("feed").at("title").as_string().find("red"), std::string::npos);
  EXPECT_NE(link(parsed, "self").find("/channels/1/feed.atom"), std::string::npos);
  EXPECT_NE(link(parsed, "alternate").find("/?channel=1"), std::string::npos);
  const auto& entries = parsed.at("entries").as_array();
  ASSERT_EQ(entries.size(), 50u);
  EXPECT_EQ(entries[0].at("id").as_string(), "urn:nicecream:history:" + std::to_string(newest.id));
  EXPECT_EQ(entries[0].at("title").as_string(), "Sigur Rós - Hoppípolla");
  EXPECT_NE(entries[0].at("link").as_string().find("/songs/" + std::to_string(newest.song_id)),
            std::string::npos);
  EXPECT_EQ(entries[1].at("title").as_string(), "Red <Artist> & Co - Track \"59\"");
  for (const auto& entry : entries)
    EXPECT_NE(entry.at("title").as_string(), "Elsewhere - Not here");
}

TEST_P(FeedsTest, SongAndSearchFeeds) {
  const auto first = record(1, "Mötley Crüe - Home Sweet Home");
  record(2, "Someone - Else");
  const auto second = record(3, "Mötley Crüe - Home Sweet Home");
  const auto song = feed("/songs/" + std::to_string(first.song_id) + "/feed.atom");
  ASSERT_EQ(song.at("entries").as_array().size(), 2u);
  EXPECT_EQ(song.at("entries").as_array()[0].at("id").as_string(),
            "urn:nicecream:history:" + std::to_string(second.id));
  EXPECT_NE(link(song, "alternate").find("/songs/" + std::to_string(first.song_id)),
            std::string::npos);

  const auto search = feed("/history/feed.atom?q=motley%20cru");
  ASSERT_EQ(search.at("entries").as_array().size(), 2u);
  EXPECT_NE(link(search, "alternate").find("/search?q=motley"), std::string::npos);
  const auto one_channel = feed("/history/feed.atom?q=motley&channel_id=1");
  ASSERT_EQ(one_channel.at("entries").as_array().size(), 1u);
  EXPECT_NE(one_channel.at("feed").at("id"), search.at("feed").at("id"));
  EXPECT_TRUE(feed("/history/feed.atom?q=nothing%20like%20it").at("entries").as_array().empty());
}

TEST_P(FeedsTest, UnknownSubjectsAre404AndBadQueries422) {
  EXPECT_EQ(download("/channels/999/feed.atom").status, 404);
  EXPECT_EQ(download("/songs/999/feed.atom").status, 404);
  EXPECT_EQ(download("/channels/0/feed.atom").status, 422);
  const auto no_q = download("/history/feed.atom");
  ASSERT_EQ(no_q.status, 422) << no_q.body;
  EXPECT_TRUE(no_q.json().at("detail").at("query").as_object().contains("q")) << no_q.body;
  EXPECT_EQ(download("/history/feed.atom?q=" + std::string(201, 'a')).status, 422);
  EXPECT_EQ(download("/history/feed.atom?q=a&from=soon").status, 422);
  EXPECT_EQ(download("/history/feed.atom?q=a&limit=3").status, 422);
}

TEST_P(FeedsTest, ConditionalGetsAnswer304UntilSomethingNewAirs) {
  record(1, "First - Song");
  const auto first = download("/channels/1/feed.atom");
  ASSERT_EQ(first.status, 200);
  const auto etag = first.header("etag");
  const auto last_modified = first.header("last-modified");
  ASSERT_TRUE(etag.starts_with("\"")) << etag;  // strong
  ASSERT_FALSE(last_modified.empty());
  EXPECT_NE(download("/songs/1/feed.atom").header("etag"), etag);

  const auto same = download("/channels/1/feed.atom", {{"If-None-Match", etag}});
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  EXPECT_EQ(same.header("etag"), etag);
  EXPECT_EQ(download("/channels/1/feed.atom", {{"If-None-Match", "\"x\", " + etag}}).status, 304);
  EXPECT_EQ(download("/channels/1/feed.atom", {{"If-Modified-Since", last_modified}}).status, 304);
  EXPECT_EQ(
      download("/channels/1/feed.atom", {{"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}})
          .status,
      200);
  // If-None-Match wins over If-Modified-Since (RFC 9110).
  EXPECT_EQ(download("/channels/1/feed.atom",
                     {{"If-None-Match", "\"other\""}, {"If-Modified-Since", last_modified}})
                .status,
            200);

  record(1, "Second - Song");
  const auto changed = download("/channels/1/feed.atom", {{"If-None-Match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.header("etag"), etag);
}

INSTANTIATE_TEST_SUITE_P(Engines, FeedsTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

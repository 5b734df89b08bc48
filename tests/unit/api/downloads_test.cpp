// The pure parts of exports and feeds: XML text, the Atom writer, conditional GETs, the export's
// file name, the bookmark playlists. (The whole routes: tests/integration/exports.)
#include <gtest/gtest.h>

#include "api/bookmarks/bookmark_playlists.hpp"
#include "api/common/xml_text.hpp"
#include "api/feeds/atom_feed.hpp"
#include "api/feeds/conditional_get.hpp"
#include "api/history/export_file_name.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {
namespace {

TEST(XmlText, EscapesMarkupAndDropsWhatXmlCannotCarry) {
  EXPECT_EQ(xml_text("A & B <c> \"d\" 'e'"), "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;");
  EXPECT_EQ(xml_text(std::string("x\x01y\x1fz\tw\n", 8)), "xyz\tw\n");
  EXPECT_EQ(xml_text("Sigur Rós"), "Sigur Rós");
}

TEST(AtomFeed, WritesEveryTextEscaped) {
  const auto at = *domain::parse_rfc3339("2026-12-01T10:00:00Z");
  const auto document = write_atom({.id = "urn:nicecream:feed:song:1",
                                    .title = "AC/DC & <Friends>",
                                    .self = "/songs/1/feed.atom?a=1&b=2",
                                    .alternate = "/songs/1",
                                    .updated = at,
                                    .entries = {{.id = "urn:nicecream:history:9",
                                                 .title = "Tom & \"Jerry\"",
                                                 .updated = at,
                                                 .link = "/songs/1",
                                                 .summary = "Played on red"}}});
  EXPECT_NE(document.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos);
  EXPECT_NE(document.find("<title>AC/DC &amp; &lt;Friends&gt;</title>"), std::string::npos);
  EXPECT_NE(document.find("href=\"/songs/1/feed.atom?a=1&amp;b=2\""), std::string::npos);
  EXPECT_NE(document.find("<title>Tom &amp; &quot;Jerry&quot;</title>"), std::string::npos);
  EXPECT_NE(document.find("<updated>2026-12-01T10:00:00.000000+00:00</updated>"),
            std::string::npos);
}

http::Request with_headers(std::initializer_list<std::pair<const char*, const char*>> headers) {
  http::Request request;
  for (const auto& [name, value] : headers) request.message.set(name, value);
  return request;
}

TEST(ConditionalGet, EntityTagsWinOverDates) {
  const auto at = *domain::parse_rfc3339("2026-12-01T10:00:00.5Z");
  const auto validators = validators_of("<feed/>", 42, at);
  EXPECT_TRUE(validators.etag.starts_with("\"42-")) << validators.etag;
  EXPECT_NE(validators_of("<feed />", 42, at).etag, validators.etag);
  EXPECT_FALSE(not_modified(with_headers({}), validators));
  EXPECT_TRUE(not_modified(with_headers({{"If-None-Match", validators.etag.c_str()}}), validators));
  EXPECT_TRUE(not_modified(with_headers({{"If-None-Match", "*"}}), validators));
  const auto weak = "\"x\", W/" + validators.etag;
  EXPECT_TRUE(not_modified(with_headers({{"If-None-Match", weak.c_str()}}), validators));
  EXPECT_FALSE(not_modified(with_headers({{"If-None-Match", "\"x\""},
                                          {"If-Modified-Since", "Tue, 01 Dec 2026 10:00:00 GMT"}}),
                            validators));
  EXPECT_TRUE(not_modified(with_headers({{"If-Modified-Since", "Tue, 01 Dec 2026 10:00:00 GMT"}}),
                           validators));
  EXPECT_FALSE(not_modified(with_headers({{"If-Modified-Since", "Tue, 01 Dec 2026 09:59:59 GMT"}}),
                            validators));
  EXPECT_FALSE(not_modified(with_headers({{"If-Modified-Since", "yesterday"}}), validators));
}

TEST(ExportFileName, NamesTheFiltersInSafeCharacters) {
  domain::HistoryQuery query;
  EXPECT_EQ(export_file_name(query, "csv"), "nicecream-history.csv");
  query.channel_id = 2;
  query.song_id = 7;
  query.text = "Sigur Rós \"hopp\"/../";
  query.from = *domain::parse_rfc3339("2026-12-01T00:00:00Z");
  query.to = *domain::parse_rfc3339("2026-12-02T12:30:00+01:00");
  EXPECT_EQ(export_file_name(query, "ndjson"),
            "nicecream-history-channel-2-song-7-sigur-r-s-hopp-from-20261201T000000Z-to-"
            "20261202T113000Z.ndjson");
  query = {};
  query.text = "ÆØÅ";
  EXPECT_EQ(export_file_name(query, "csv"), "nicecream-history-search.csv");
  query = {};
  query.artist_id = 31;
  EXPECT_EQ(export_file_name(query, "csv"), "nicecream-history-artist-31.csv");
}

TEST(BookmarkPlaylists, M3uKeepsEachEntryOnItsLinesAndXspfEscapes) {
  const std::vector<domain::Bookmark> bookmarks{
      {.id = 2, .created_at = {}, .song_id = 5, .song_title = "A & B - <C>\nD", .user_id = 1}};
  const auto m3u = write_bookmarks(bookmarks, BookmarkFormat::m3u).body;
  EXPECT_EQ(m3u,
            "#EXTM3U\n#EXTINF:-1,A & B - <C> D\n"
            "https://www.youtube.com/results?search_query=A%20%26%20B%20-%20%3CC%3E%0AD\n")
      << m3u;
  const auto xspf = write_bookmarks(bookmarks, BookmarkFormat::xspf).body;
  EXPECT_NE(xspf.find("<creator>A &amp; B</creator><title>&lt;C&gt;\nD</title>"), std::string::npos)
      << xspf;
  EXPECT_FALSE(parse_bookmark_format("pdf"));
}

}  // namespace
}  // namespace nicecream::api

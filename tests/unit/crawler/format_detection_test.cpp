#include "crawler/sources/format_detection.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler::sources {
namespace {

using domain::SourceFormat;

TEST(FormatFromUrl, RecognisesEachFormatByPath) {
  EXPECT_EQ(format_from_url("https://cdn.voscast.com/stats/display.js?key=k&stats=songtitle"),
            SourceFormat::voscast);
  EXPECT_EQ(format_from_url("http://h:8000/status-json.xsl#/live"), SourceFormat::icecast);
  EXPECT_EQ(format_from_url("http://h:8000/currentsong?sid=1"), SourceFormat::shoutcast_v2);
  EXPECT_EQ(format_from_url("http://h:8000/stats?sid=1&json=1"), SourceFormat::shoutcast_v2);
  EXPECT_EQ(format_from_url("http://h:8000/7.html"), SourceFormat::shoutcast_v1);
  EXPECT_EQ(format_from_url("https://radio.example/api/nowplaying/main"), SourceFormat::json);
  EXPECT_EQ(format_from_url("https://radio.example/now.json"), SourceFormat::json);
}

TEST(FormatFromUrl, LooksAtThePathOnly) {
  EXPECT_EQ(format_from_url("http://h:8000/stream"), std::nullopt);
  EXPECT_EQ(format_from_url("http://h:8000/stream?file=display.js"), std::nullopt);
  EXPECT_EQ(format_from_url("http://7.html/"), std::nullopt);
  EXPECT_EQ(format_from_url(""), std::nullopt);
}

TEST(FormatFromAnswer, RecognisesStreamsAndDocuments) {
  EXPECT_EQ(format_from_answer("text/html", true, ""), SourceFormat::icy);
  EXPECT_EQ(format_from_answer("audio/mpeg", false, ""), SourceFormat::icy);
  EXPECT_EQ(format_from_answer("application/json", false, R"({"icestats":{}})"),
            SourceFormat::icecast);
  EXPECT_EQ(format_from_answer("text/plain", false, R"( {"now_playing":{}})"), SourceFormat::json);
  EXPECT_EQ(format_from_answer("text/javascript", false, R"(({"songtitle":"x"}))"),
            SourceFormat::voscast);
  EXPECT_EQ(format_from_answer("text/html", false, "<html></html>"), std::nullopt);
}

}  // namespace
}  // namespace nicecream::crawler::sources

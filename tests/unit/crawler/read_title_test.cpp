#include "crawler/sources/read_title.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler::sources {
namespace {

using domain::SourceFormat;

ParseResult read(SourceSpec spec, Answer answer) {
  return read_title(spec, answer, TitleNormaliser{});
}

TEST(ReadTitle, NormalisesWhatTheParserFound) {
  const auto result =
      read({SourceFormat::voscast, "http://x/display.js", ""},
           {"text/javascript", {}, R"(({"songtitle":"<b>Simon &amp; Garfunkel<\/b>"}))"});
  EXPECT_EQ(result.title, "Simon & Garfunkel");
}

TEST(ReadTitle, PlaceholdersBecomeNoSong) {
  const auto result = read({SourceFormat::shoutcast_v2, "http://x/currentsong", ""},
                           {"text/plain", {}, "Advertisement"});
  EXPECT_FALSE(result.failed());
  EXPECT_FALSE(result.has_title());
}

TEST(ReadTitle, AutoUsesTheUrl) {
  const auto result =
      read({SourceFormat::automatic, "http://x/7.html", ""},
           {"text/html", {}, "<html><body>1,1,1,1,1,1,Air - Moon Safari</body></html>"});
  EXPECT_EQ(result.title, "Air - Moon Safari");
}

TEST(ReadTitle, AutoUsesTheAnswerWhenTheUrlSaysNothing) {
  const auto json = read({SourceFormat::automatic, "http://x/now", ""},
                         {"application/json", {}, R"({"now_playing":{"song":{"text":"A - B"}}})"});
  EXPECT_EQ(json.title, "A - B");
  std::string stream(4, 'x');
  stream += '\x01';
  stream += "StreamTitle='C';";
  const auto icy =
      read({SourceFormat::automatic, "http://x/stream", ""}, {"audio/mpeg", 4, stream});
  EXPECT_EQ(icy.title, "C");
}

TEST(ReadTitle, JsonUsesTheChannelsPointer) {
  const auto result =
      read({SourceFormat::json, "http://x/now", "/a/0"}, {"", {}, R"({"a":["T"]})"});
  EXPECT_EQ(result.title, "T");
}

TEST(ReadTitle, IcyWithoutMetaintFails) {
  const auto result = read({SourceFormat::icy, "http://x/stream", ""}, {"audio/mpeg", {}, "xx"});
  EXPECT_TRUE(result.failed());
}

TEST(ReadTitle, UnrecognisableAnswerFails) {
  const auto result = read({SourceFormat::automatic, "http://x/", ""}, {"text/html", {}, "<p>"});
  EXPECT_EQ(result.error, "cannot tell the source format from the URL or answer");
}

TEST(ReadTitle, WantsIcyMetadataOnlyWhenTheUrlSaysNothing) {
  EXPECT_TRUE(wants_icy_metadata({SourceFormat::icy, "http://x/display.js", ""}));
  EXPECT_TRUE(wants_icy_metadata({SourceFormat::automatic, "http://x/stream", ""}));
  EXPECT_FALSE(wants_icy_metadata({SourceFormat::automatic, "http://x/status-json.xsl", ""}));
  EXPECT_FALSE(wants_icy_metadata({SourceFormat::json, "http://x/stream", ""}));
}

}  // namespace
}  // namespace nicecream::crawler::sources

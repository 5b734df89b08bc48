#include "crawler/sources/shoutcast.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler::sources {
namespace {

TEST(ShoutcastV2, ReadsCurrentsongPlainText) {
  EXPECT_EQ(parse_shoutcast_v2("Daft Punk - Da Funk\n").title, "Daft Punk - Da Funk\n");
}

TEST(ShoutcastV2, EmptyCurrentsongIsAnEmptyTitle) {
  EXPECT_EQ(parse_shoutcast_v2("").title, "");
}

TEST(ShoutcastV2, ReadsStatsJson) {
  const auto result = parse_shoutcast_v2(
      R"({"currentlisteners":3,"streamstatus":1,"songtitle":"Air - La Femme d'Argent"})");
  EXPECT_EQ(result.title, "Air - La Femme d'Argent");
}

TEST(ShoutcastV2, ReadsStatsXml) {
  const auto result = parse_shoutcast_v2(
      "<?xml version=\"1.0\"?><SHOUTCASTSERVER><CURRENTLISTENERS>1</CURRENTLISTENERS>"
      "<SONGTITLE>Portishead - Roads</SONGTITLE></SHOUTCASTSERVER>");
  EXPECT_EQ(result.title, "Portishead - Roads");
}

TEST(ShoutcastV2, StatsWithoutSongtitleFail) {
  EXPECT_EQ(parse_shoutcast_v2(R"({"streamstatus":0})").error, "stats answer has no songtitle");
  EXPECT_EQ(parse_shoutcast_v2("{broken").error, "stats answer is not JSON");
  EXPECT_EQ(parse_shoutcast_v2("<SHOUTCASTSERVER/>").error, "stats answer has no SONGTITLE");
}

TEST(ShoutcastV1, ReadsTheTitleAfterTheSixthComma) {
  const auto result = parse_shoutcast_v1(
      "<html><body>12,1,40,500,10,128,Crosby, Stills, Nash & Young - Ohio</body></html>");
  ASSERT_FALSE(result.failed()) << result.error;
  EXPECT_EQ(result.title, "Crosby, Stills, Nash & Young - Ohio");
}

TEST(ShoutcastV1, AcceptsAnUppercaseBodyOrNone) {
  EXPECT_EQ(parse_shoutcast_v1("<HTML><BODY>0,1,0,32,0,64,Title</BODY></HTML>").title, "Title");
  EXPECT_EQ(parse_shoutcast_v1("0,1,0,32,0,64,Bare").title, "Bare");
}

TEST(ShoutcastV1, EmptyTitleAfterTheCommas) {
  EXPECT_EQ(parse_shoutcast_v1("<html><body>0,0,0,32,0,64,</body></html>").title, "");
}

TEST(ShoutcastV1, FailsOnOtherAnswers) {
  EXPECT_TRUE(parse_shoutcast_v1("<html><body>Not found</body></html>").failed());
  EXPECT_TRUE(parse_shoutcast_v1("1,2,3").failed());
  EXPECT_TRUE(parse_shoutcast_v1("a,b,c,d,e,f,title").failed());
}

}  // namespace
}  // namespace nicecream::crawler::sources

#include "crawler/sources/voscast.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler::sources {
namespace {

TEST(Voscast, ReadsTheSongtitleCall) {
  const auto result = parse_voscast(R"(({"songtitle":"Daft Punk - One More Time"}))");
  ASSERT_FALSE(result.failed()) << result.error;
  EXPECT_EQ(result.title, "Daft Punk - One More Time");
}

TEST(Voscast, ReadsACallbackWrappedAnswer) {
  const auto result =
      parse_voscast("update_songtitle({\"songtitle\":\"Air - Sexy Boy\",\"listeners\":3});\n");
  EXPECT_EQ(result.title, "Air - Sexy Boy");
}

TEST(Voscast, ReadsDocumentWriteAroundTheCall) {
  const auto result = parse_voscast(R"(document.write(({ 'songtitle' : 'Muse - Uprising' }));)");
  EXPECT_EQ(result.title, "Muse - Uprising");
}

TEST(Voscast, ReadsABareDocumentWrite) {
  EXPECT_EQ(parse_voscast(R"(document.write("Bj\u00f6rk - Joga");)").title, "Bj\u00f6rk - Joga");
}

TEST(Voscast, DecodesJavaScriptEscapes) {
  const auto result =
      parse_voscast(R"(({"songtitle":"Guns N\' Roses \"Live\" \/ Sigur R\u00f3s \uD83C\uDFB5"}))");
  EXPECT_EQ(result.title, "Guns N' Roses \"Live\" / Sigur R\u00f3s \U0001F3B5");
}

TEST(Voscast, LeavesTagsAndEntitiesForTheNormaliser) {
  const auto result =
      parse_voscast(R"(({"songtitle":"<a href=\"x\">Simon &amp; Garfunkel<\/a> - Cecilia"}))");
  EXPECT_EQ(result.title, "<a href=\"x\">Simon &amp; Garfunkel</a> - Cecilia");
}

TEST(Voscast, NullTitleIsNoSong) {
  const auto result = parse_voscast(R"(({"songtitle":null}))");
  EXPECT_FALSE(result.failed());
  EXPECT_FALSE(result.has_title());
}

TEST(Voscast, FailsWithAReasonOnOtherAnswers) {
  EXPECT_TRUE(parse_voscast("").failed());
  EXPECT_TRUE(parse_voscast("<html>Key not found</html>").failed());
  EXPECT_TRUE(parse_voscast(R"(({"songtitle":"never closed)").failed());
  EXPECT_TRUE(parse_voscast(R"(({"songtitle": 42}))").failed());
  EXPECT_EQ(parse_voscast("nothing").error, "no songtitle in the display.js answer");
}

}  // namespace
}  // namespace nicecream::crawler::sources

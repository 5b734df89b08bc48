#include "crawler/sources/json_pointer.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler::sources {
namespace {

constexpr std::string_view kAzuraCast = R"({"station":{"name":"Radio"},"now_playing":{
  "song":{"text":"Bonobo - Kerala","artist":"Bonobo","title":"Kerala"}},"playing_next":null})";

TEST(JsonPointer, ReadsTheNamedPointer) {
  EXPECT_EQ(parse_json_pointer(kAzuraCast, "/now_playing/song/title").title, "Kerala");
}

TEST(JsonPointer, TriesWellKnownPointersWhenNoneIsNamed) {
  EXPECT_EQ(parse_json_pointer(kAzuraCast, "").title, "Bonobo - Kerala");
  EXPECT_EQ(parse_json_pointer(R"({"songtitle":"X"})", "").title, "X");
}

TEST(JsonPointer, ReadsArraysAndEscapedTokens) {
  EXPECT_EQ(parse_json_pointer(R"({"tracks":[{"a/b":"First"}]})", "/tracks/0/a~1b").title, "First");
}

TEST(JsonPointer, NullIsNoSong) {
  const auto result = parse_json_pointer(kAzuraCast, "/playing_next");
  EXPECT_FALSE(result.failed());
  EXPECT_FALSE(result.has_title());
}

TEST(JsonPointer, FailsWithAReason) {
  EXPECT_EQ(parse_json_pointer(kAzuraCast, "/now_playing/missing").error,
            "nothing at /now_playing/missing");
  EXPECT_EQ(parse_json_pointer(kAzuraCast, "now_playing").error,
            "invalid JSON pointer now_playing");
  EXPECT_EQ(parse_json_pointer(kAzuraCast, "/now_playing/song").error,
            "/now_playing/song is not text");
  EXPECT_EQ(parse_json_pointer("not json", "/a").error, "answer is not JSON");
  EXPECT_TRUE(parse_json_pointer(R"({"other":1})", "").failed());
}

}  // namespace
}  // namespace nicecream::crawler::sources

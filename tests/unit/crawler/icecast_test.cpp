#include "crawler/sources/icecast.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler::sources {
namespace {

constexpr std::string_view kTwoMounts = R"({"icestats":{"admin":"x","source":[
  {"listenurl":"http://radio.example:8000/rock","server_name":"Rock","title":"AC/DC - Thunderstruck"},
  {"listenurl":"http://radio.example:8000/live?x=1","server_name":"Live","artist":"Muse","title":"Uprising"}
]}})";

TEST(Icecast, ReadsASingleSourceObject) {
  const auto result = parse_icecast_status(
      R"({"icestats":{"source":{"listenurl":"http://h:8000/a","title":"Air - Sexy Boy"}}})", "");
  EXPECT_EQ(result.title, "Air - Sexy Boy");
}

TEST(Icecast, TakesTheFirstSourceWithoutAMount) {
  EXPECT_EQ(parse_icecast_status(kTwoMounts, "").title, "AC/DC - Thunderstruck");
}

TEST(Icecast, ChoosesTheMountByListenurlPath) {
  EXPECT_EQ(parse_icecast_status(kTwoMounts, "/live").title, "Muse - Uprising");
}

TEST(Icecast, ChoosesTheMountByServerName) {
  EXPECT_EQ(parse_icecast_status(kTwoMounts, "Live").title, "Muse - Uprising");
}

TEST(Icecast, FallsBackToTheFirstSourceForAnUnknownMount) {
  EXPECT_EQ(parse_icecast_status(kTwoMounts, "/jazz").title, "AC/DC - Thunderstruck");
}

TEST(Icecast, ReadsTheMountFromTheUrlFragment) {
  EXPECT_EQ(icecast_mount_from_url("http://h:8000/status-json.xsl#/live"), "/live");
  EXPECT_EQ(icecast_mount_from_url("http://h:8000/status-json.xsl"), "");
}

TEST(Icecast, ArtistAloneOrNumericTitle) {
  EXPECT_EQ(parse_icecast_status(R"({"icestats":{"source":{"artist":"Prince"}}})", "").title,
            "Prince");
  EXPECT_EQ(parse_icecast_status(R"({"icestats":{"source":{"title":1999}}})", "").title, "1999");
}

TEST(Icecast, ASourceWithoutTitleIsNoSong) {
  const auto result = parse_icecast_status(R"({"icestats":{"source":{"listenurl":"x"}}})", "");
  EXPECT_FALSE(result.failed());
  EXPECT_FALSE(result.has_title());
}

TEST(Icecast, FailsWithAReason) {
  EXPECT_EQ(parse_icecast_status("<html>", "").error, "status-json.xsl answer is not JSON");
  EXPECT_EQ(parse_icecast_status(R"({"other":1})", "").error,
            "status-json.xsl answer has no icestats");
  EXPECT_EQ(parse_icecast_status(R"({"icestats":{"admin":"x"}})", "").error,
            "icecast server has no source mounted");
  EXPECT_TRUE(parse_icecast_status(R"({"icestats":{"source":[]}})", "").failed());
}

TEST(Icecast, ATitleThatIsNotTextIsNoSong) {
  const auto result = parse_icecast_status(R"({"icestats":{"source":{"title":["a"]}}})", "");
  EXPECT_FALSE(result.failed());
  EXPECT_FALSE(result.has_title());
}

}  // namespace
}  // namespace nicecream::crawler::sources

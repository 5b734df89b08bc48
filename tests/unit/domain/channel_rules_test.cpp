#include "domain/channel_rules.hpp"

#include <gtest/gtest.h>

#include "domain/source_format.hpp"

namespace nicecream::domain {
namespace {

NewChannel valid() {
  return {.name = "jazz",
          .url = "http://127.0.0.1:8000/status-json.xsl",
          .format = "icecast",
          .title_pointer = ""};
}

TEST(ChannelRules, AValidChannelHasNoProblem) {
  EXPECT_EQ(channel_problem(valid()), std::nullopt);
  EXPECT_EQ(channel_problem({.name = "abcdefghij",
                             .url = "https://radio.example/api/nowplaying/main",
                             .format = "json",
                             .title_pointer = "/now_playing/song/text"}),
            std::nullopt);
}

TEST(ChannelRules, EachBrokenRuleIsNamed) {
  struct Case {
    void (*breaks)(NewChannel&);
    std::string problem;
  };
  const Case cases[] = {
      {[](NewChannel& c) { c.name = ""; }, "channel name must be 1 to 10 characters"},
      {[](NewChannel& c) { c.name = "abcdefghijk"; }, "channel name must be 1 to 10 characters"},
      {[](NewChannel& c) { c.format = "mp3"; },
       "unknown format 'mp3' (auto, voscast, icecast, shoutcast2, shoutcast1, icy or json)"},
      {[](NewChannel& c) { c.format = "json"; },
       "the json format needs --title-pointer (e.g. /now_playing/song/text)"},
      {[](NewChannel& c) { c.url = "ftp://radio.example/"; },
       "the url must start with http:// or https://"},
      {[](NewChannel& c) { c.url = "radio.example"; },
       "the url must start with http:// or https://"},
  };
  for (const auto& [breaks, problem] : cases) {
    auto channel = valid();
    breaks(channel);
    EXPECT_EQ(channel_problem(channel), problem);
  }
}

TEST(ChannelRules, EveryProblemIsReportedOnItsField) {
  NewChannel channel{"much-too-long", "ftp://x", "json", ""};
  std::vector<std::string> fields;
  for (const auto& problem : channel_problems(channel)) fields.push_back(problem.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "title_pointer", "url"}));
  channel.format = "mp3";
  EXPECT_EQ(channel_problems(channel)[1].field, "format");
  EXPECT_TRUE(channel_problems(valid()).empty());
  EXPECT_EQ(channel_problem(channel), channel_problems(channel).front().message);
}

TEST(ChannelRules, EveryListedFormatIsAccepted) {
  const std::string names = source_format_names();
  for (const auto* name : {"auto", "voscast", "icecast", "shoutcast2", "shoutcast1", "icy"}) {
    auto channel = valid();
    channel.format = name;
    EXPECT_EQ(channel_problem(channel), std::nullopt) << name;
    EXPECT_NE(names.find(name), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace nicecream::domain

#include "crawler_fixture.hpp"

namespace nicecream::testing {
namespace {

struct FormatCase {
  std::string station;
  std::string resource;  // appended to the station's URL
  std::string format;
  std::string title_pointer;
};

class CrawlerFormats : public CrawlerTest {};

TEST_F(CrawlerFormats, ReadsEveryFormatNamedOrDetected) {
  const std::vector<FormatCase> cases = {
      {"vos", "display.js", "voscast", ""},
      {"vosauto", "display.js", "auto", ""},
      {"ice", "status-json.xsl#/ice", "icecast", ""},
      {"iceauto", "status-json.xsl#/iceauto", "auto", ""},
      {"sc2text", "currentsong?sid=1", "shoutcast2", ""},
      {"sc2json", "stats?sid=1&json=1", "auto", ""},
      {"sc1", "7.html", "shoutcast1", ""},
      {"sc1auto", "7.html", "auto", ""},
      {"azura", "nowplaying", "json", "/now_playing/song/text"},
      {"azuraauto", "nowplaying", "auto", ""},
      {"icy", "stream", "icy", ""},
      {"icyauto", "stream", "auto", ""},
      {"icylegacy", "legacy", "icy", ""},
  };
  std::vector<domain::Channel> channels;
  for (const auto& c : cases) {
    // Quirks every format must survive: non-ASCII, an emoji beyond the BMP, an ampersand.
    emulator_.set_title(c.station, c.station + " & Sigur R\u00f3s - Hopp\u00edpolla \U0001F3B5");
    const auto name = c.station.substr(0, 10);
    channels.push_back(
        add_channel(name, emulator_.url(c.station, c.resource), c.format, c.title_pointer));
  }
  start_crawler();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto expected = cases[i].station + " & Sigur R\u00f3s - Hopp\u00edpolla \U0001F3B5";
    EXPECT_TRUE(eventually([&] { return has_title(channels[i].id, expected); }))
        << cases[i].station << " via " << cases[i].format << ": "
        << ::testing::PrintToString(titles(channels[i].id));
  }
}

TEST_F(CrawlerFormats, ChoosesTheIcecastMountFromTheFragment) {
  emulator_.set_title("mount", "Mount - Title");
  const auto chosen = add_channel("mount", emulator_.url("mount", "status-json.xsl#/mount"));
  const auto first = add_channel("first", emulator_.url("mount", "status-json.xsl"));
  start_crawler();
  EXPECT_TRUE(eventually([&] { return has_title(chosen.id, "Mount - Title"); }));
  EXPECT_TRUE(eventually([&] { return has_title(first.id, "Other - Song"); }));
}

TEST_F(CrawlerFormats, NormalisesMarkupInTitles) {
  emulator_.set_title("markup", "<b>Simon &amp; Garfunkel</b> -   The&nbsp;Boxer");
  const auto channel = add_channel("markup", emulator_.url("markup", "display.js"));
  start_crawler();
  EXPECT_TRUE(eventually([&] { return has_title(channel.id, "Simon & Garfunkel - The Boxer"); }));
}

TEST_F(CrawlerFormats, FollowsARedirect) {
  emulator_.set_title("moved", "Moved - Here");
  emulator_.set_mode("moved", "redirect");
  const auto channel = add_channel("moved", emulator_.url("moved", "currentsong"));
  start_crawler();
  EXPECT_TRUE(eventually([&] { return has_title(channel.id, "Moved - Here"); }));
}

TEST_F(CrawlerFormats, PlaceholdersRecordNothing) {
  emulator_.set_title("idle", "Advertisement");
  const auto channel = add_channel("idle", emulator_.url("idle", "currentsong"));
  start_crawler();
  ASSERT_TRUE(polled_again("idle"));
  EXPECT_TRUE(titles(channel.id).empty());
  EXPECT_TRUE(published().empty());
}

}  // namespace
}  // namespace nicecream::testing

#include "domain/station_list.hpp"

#include <gtest/gtest.h>

namespace nicecream::domain {
namespace {

std::vector<std::string> urls_of(const StationList& list) {
  std::vector<std::string> urls;
  for (const auto& station : list.stations) urls.push_back(station.channel.url);
  return urls;
}

TEST(StationListFormat, ComesFromTheExtension) {
  EXPECT_EQ(station_list_format("radio.m3u"), StationListFormat::m3u);
  EXPECT_EQ(station_list_format("RADIO.M3U8"), StationListFormat::m3u);
  EXPECT_EQ(station_list_format("list.pls"), StationListFormat::pls);
  EXPECT_EQ(station_list_format("channels.csv"), StationListFormat::csv);
  EXPECT_FALSE(station_list_format("notes.txt"));
}

TEST(StationList, M3uTakesTitlesFromExtinfAndReportsWhatIsNotAUrl) {
  const auto list = parse_station_list(
      "\xEF\xBB\xBF#EXTM3U\r\n"
      "#EXTINF:-1,Radio Paradise\r\n"
      "https://stream.radioparadise.com/mp3-128\r\n"
      "\r\n"
      "http://127.0.0.1:8000/live\n"
      "C:\\Music\\song.mp3\n",
      StationListFormat::m3u);
  EXPECT_EQ(urls_of(list), (std::vector<std::string>{"https://stream.radioparadise.com/mp3-128",
                                                     "http://127.0.0.1:8000/live"}));
  EXPECT_EQ(list.stations[0].channel.name, "Radio Paradise");
  EXPECT_EQ(list.stations[0].line, 3);
  EXPECT_EQ(list.stations[1].channel.name, "") << "no #EXTINF before it";
  EXPECT_EQ(list.stations[1].channel.format, "auto");
  ASSERT_EQ(list.unusable.size(), 1u);
  EXPECT_EQ(list.unusable[0].line, 6);
  EXPECT_NE(list.unusable[0].reason.find("not an http or https URL"), std::string::npos);
}

TEST(StationList, PlsPairsFilesWithTitlesByNumber) {
  const auto list = parse_station_list(
      "[playlist]\nNumberOfEntries=3\nTitle2=Second\nFile2=http://b.example/\n"
      "File1=http://a.example/\nTitle1=First\nFile3=ftp://c.example/\nVersion=2\n",
      StationListFormat::pls);
  EXPECT_EQ(urls_of(list), (std::vector<std::string>{"http://a.example/", "http://b.example/"}));
  EXPECT_EQ(list.stations[0].channel.name, "First");
  EXPECT_EQ(list.stations[1].channel.name, "Second");
  ASSERT_EQ(list.unusable.size(), 1u);
  EXPECT_EQ(list.unusable[0].line, 7);
}

TEST(StationList, CsvReadsWhatChannelsExportWrites) {
  const auto list = parse_station_list(
      "name,url,format,title_pointer\r\n"
      "jazz,http://127.0.0.1:8000/status-json.xsl#/live,icecast,\r\n"
      "\"az, ura\",https://radio.example/api,json,/now_playing/song/text\r\n"
      "lonely\r\n"
      "plain,http://plain.example/\r\n",
      StationListFormat::csv);
  ASSERT_EQ(list.stations.size(), 3u);
  EXPECT_EQ(list.stations[0].channel.format, "icecast");
  EXPECT_EQ(list.stations[1].channel.name, "az, ura");
  EXPECT_EQ(list.stations[1].channel.title_pointer, "/now_playing/song/text");
  EXPECT_EQ(list.stations[2].channel.format, "auto");
  ASSERT_EQ(list.unusable.size(), 1u);
  EXPECT_EQ(list.unusable[0].line, 4);
}

TEST(FitChannelName, CutsOnACharacterAndNumbersWhatIsTaken) {
  EXPECT_EQ(fit_channel_name("Radio Paradise", "", {}), "Radio Para");
  EXPECT_EQ(fit_channel_name("Radio Paradise", "", {"Radio Para"}), "Radio Pa 2");
  EXPECT_EQ(fit_channel_name("Radio Paradise", "", {"Radio Para", "Radio Pa 2"}), "Radio Pa 3");
  EXPECT_EQ(fit_channel_name("Sigur Rós FM", "", {}), "Sigur Rós") << "ó is two bytes";
  EXPECT_EQ(fit_channel_name("", "https://www.kexp.org/stream", {}), "kexp.org");
  EXPECT_EQ(fit_channel_name("  ", "http://127.0.0.1:8000/live", {}), "127.0.0.1");
}

}  // namespace
}  // namespace nicecream::domain

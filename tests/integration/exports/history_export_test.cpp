// GET /history/export on the real binary, each engine: the files read back by Python's csv and
// json, /history's filters and 422s, and the long download: chunked, paused by a client that
// does not read while recording goes on, ended cleanly when that client leaves.
#include <regex>

#include "integration/exports/download_fixture.hpp"
#include "server/eventually.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

const std::vector<std::string> kHeader{"id",      "created_at", "channel_id", "channel_name",
                                       "song_id", "song_title", "artist",     "track"};

class HistoryExportTest : public DownloadTest {
 protected:
  // nicecream_history_exports, the downloads under way, from /metrics.
  int exports_open() {
    const auto text = download("/metrics").body;
    std::smatch found;
    if (!std::regex_search(text, found, std::regex("\nnicecream_history_exports (\\d+)")))
      return -1;
    return std::stoi(found[1]);
  }
};

TEST_P(HistoryExportTest, CsvReadsBackWithTrickyTitlesNewestFirst) {
  const auto plain = record(1, "Björk - Jóga");
  const auto comma = record(2, "Earth, Wind & Fire - September");
  const auto quotes = record(3, "The \"Best\" - Song, \"Live\"");
  const auto newline = record(1, "Line - One\nTwo\r\nThree");
  const auto answer = download("/history/export?format=csv");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(answer.header("transfer-encoding"), "chunked");
  EXPECT_EQ(answer.header("content-disposition"), "attachment; filename=\"nicecream-history.csv\"");
  EXPECT_NE(answer.body.find("\r\n"), std::string::npos);

  const auto rows = read_download(scratch, "csv", answer.body).as_array();
  ASSERT_EQ(rows.size(), 5u) << answer.body;
  std::vector<std::string> header;
  for (const auto& field : rows[0].as_array()) header.emplace_back(field.as_string());
  EXPECT_EQ(header, kHeader);
  const std::vector<domain::HistoryItem> newest_first{newline, quotes, comma, plain};
  const std::vector<std::string> channels{"red", "blue", "green", "red"};
  for (std::size_t i = 0; i < newest_first.size(); ++i) {
    const auto& row = rows[i + 1].as_array();
    ASSERT_EQ(row.size(), 8u);
    EXPECT_EQ(row[0].as_string(), std::to_string(newest_first[i].id));
    EXPECT_EQ(row[2].as_string(), std::to_string(newest_first[i].channel_id));
    EXPECT_EQ(row[3].as_string(), channels[i]);
    EXPECT_EQ(row[4].as_string(), std::to_string(newest_first[i].song_id));
    EXPECT_EQ(row[5].as_string(), newest_first[i].song_title);
  }
  EXPECT_EQ(rows[3].as_array()[6].as_string(), "Earth, Wind & Fire");
  EXPECT_EQ(rows[3].as_array()[7].as_string(), "September");
  EXPECT_EQ(rows[4].as_array()[6].as_string(), "Björk");
  EXPECT_EQ(rows[4].as_array()[7].as_string(), "Jóga");
}

TEST_P(HistoryExportTest, NdjsonLinesParseAndTheFiltersOfHistoryApply) {
  for (int i = 0; i < 250; ++i)
    record(1 + i % 3, (i % 5 == 0 ? "Zoë Keating - Piece " : "Other - Piece ") + std::to_string(i));
  const auto all = download("/history/export?format=ndjson");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.header("content-type"), "application/x-ndjson");
  const auto lines = read_download(scratch, "ndjson", all.body).as_array();
  ASSERT_EQ(lines.size(), 250u);  // past any page size: no limit
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (const auto& line : lines) {
    const auto& item = line.as_object();
    for (const auto& field : kHeader) EXPECT_TRUE(item.contains(field)) << field;
    EXPECT_LT(item.at("id").as_int64(), previous);
    previous = item.at("id").as_int64();
  }

  const auto green =
      read_download(scratch, "ndjson", download("/history/export?format=ndjson&channel_id=2").body);
  EXPECT_EQ(green.as_array().size(), 83u);
  for (const auto& line : green.as_array()) EXPECT_EQ(line.at("channel_name").as_string(), "green");

  const auto search = download("/history/export?format=ndjson&q=zoe%20keat");
  EXPECT_EQ(search.header("content-disposition"),
            "attachment; filename=\"nicecream-history-zoe-keat.ndjson\"");
  const auto matches = read_download(scratch, "ndjson", search.body).as_array();
  EXPECT_EQ(matches.size(), 50u);
  for (const auto& line : matches) EXPECT_EQ(line.at("artist").as_string(), "Zoë Keating");

  const auto song_id = lines[0].at("song_id").as_int64();
  const auto song = read_download(
      scratch, "ndjson",
      download("/history/export?format=ndjson&song_id=" + std::to_string(song_id)).body);
  ASSERT_EQ(song.as_array().size(), 1u);
  EXPECT_EQ(song.as_array()[0].at("id"), lines[0].at("id"));

  // Zoë Keating's 50 pieces, through her artist id.
  const auto artists = client->get("/artists?q=zoe%20keating").json().as_array();
  ASSERT_EQ(artists.size(), 1u);
  const auto artist_id = std::to_string(artists[0].at("id").as_int64());
  const auto by_artist = download("/history/export?format=ndjson&artist_id=" + artist_id);
  EXPECT_EQ(by_artist.header("content-disposition"),
            "attachment; filename=\"nicecream-history-artist-" + artist_id + ".ndjson\"");
  EXPECT_EQ(read_download(scratch, "ndjson", by_artist.body).as_array(), matches);

  const auto future = download("/history/export?format=csv&from=2999-01-01T00:00:00Z");
  EXPECT_EQ(read_download(scratch, "csv", future.body).as_array().size(), 1u);  // the header
  EXPECT_EQ(future.header("content-disposition"),
            "attachment; filename=\"nicecream-history-from-29990101T000000Z.csv\"");
}

TEST_P(HistoryExportTest, BadParametersAre422LikeHistory) {
  const auto expect_422 = [&](const std::string& target, const std::string& field) {
    const auto answer = download(target);
    EXPECT_EQ(answer.status, 422) << target << ": " << answer.body;
    if (answer.status == 422) {
      EXPECT_TRUE(answer.json().at("detail").at("query").as_object().contains(field))
          << target << ": " << answer.body;
    }
  };
  expect_422("/history/export", "format");
  expect_422("/history/export?format=xml", "format");
  expect_422("/history/export?format=csv&channel_id=0", "channel_id");
  expect_422("/history/export?format=csv&song_id=x", "song_id");
  expect_422("/history/export?format=csv&from=yesterday", "from");
  expect_422("/history/export?format=csv&q=" + std::string(300, 'a'), "q");
  expect_422("/history/export?format=csv&limit=5", "limit");
}

// A client that stops reading pauses the export (its writes wait; nothing is held in the store,
// so recording goes on); when it hangs up, the export ends and the server serves on.
TEST_P(HistoryExportTest, AStalledClientPausesTheExportAndLeavingEndsIt) {
  const std::string long_title = "Artist - " + std::string(240, 'x');
  for (int i = 0; i < 10000; ++i) record(1 + i % 3, long_title + std::to_string(i));
  ASSERT_EQ(exports_open(), 0);
  std::optional<EventStreamClient> stalled;
  stalled.emplace(server->port(), "/history/export?format=csv",
                  std::map<std::string, std::string>{}, 4096);
  ASSERT_EQ(stalled->status(), 200);
  ASSERT_TRUE(eventually([&] { return exports_open() == 1; }));

  const auto during = record(2, "Recorded - During the export");
  EXPECT_EQ(exports_open(), 1);  // still under way, paused by its client

  stalled->close();
  ASSERT_TRUE(eventually([&] { return exports_open() == 0; })) << server->log();
  const auto after = download("/history/export?format=ndjson&channel_id=2");
  ASSERT_EQ(after.status, 200);
  const auto lines = read_download(scratch, "ndjson", after.body).as_array();
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].at("id").as_int64(), during.id);
  EXPECT_EQ(lines.size(), 3334u);
  EXPECT_EQ(download("/healthz").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Engines, HistoryExportTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

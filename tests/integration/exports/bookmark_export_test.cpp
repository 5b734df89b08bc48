// GET /user/bookmarks/export for a person signed in through the test OpenID provider: CSV and
// JSON read back, an M3U players import, XSPF parsed as XML in its namespace; 401 and 422.
#include "integration/auth/sign_in_fixture.hpp"
#include "integration/exports/download_fixture.hpp"

namespace nicecream::testing {
namespace {

class BookmarkExportTest : public SignInTest {
 protected:
  void SetUp() override {
    SignInTest::SetUp();
    if (HasFatalFailure()) return;
    ada_.emplace(server->port());
    csrf_ = sign_in_ok(*ada_);
    for (const auto* title : {"AC/DC - Back in Black", "Röyksopp & Robyn - Do It <Again>",
                              "No Separator Here", "\"Weird\", Al - Eat It"}) {
      const auto item = *store().record_title(1, title, domain::now()).inserted;
      const auto added = ada_->request(
          "POST", "/user/bookmarks", R"({"song_id": )" + std::to_string(item.song_id) + "}",
          {{"Content-Type", "application/json"}, {"X-Csrf-Token", csrf_}});
      ASSERT_EQ(added.status, 200) << added.body;
    }
  }
  HttpResponse export_as(const std::string& format) {
    return ada_->get("/user/bookmarks/export?format=" + format);
  }

  std::optional<Browser> ada_;
  std::string csrf_;
  TempDir scratch;
};

TEST_P(BookmarkExportTest, CsvAndJsonHoldEveryBookmarkNewestFirst) {
  const auto csv = export_as("csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"nicecream-bookmarks.csv\"");
  EXPECT_EQ(csv.header("cache-control"), "no-store");
  const auto rows = read_download(scratch, "csv", csv.body).as_array();
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(boost::json::serialize(rows[0]),
            R"(["id","created_at","song_id","song_title","artist","track"])");
  EXPECT_EQ(rows[1].at(3).as_string(), "\"Weird\", Al - Eat It");
  EXPECT_EQ(rows[1].at(4).as_string(), "\"Weird\", Al");
  EXPECT_EQ(rows[2].at(4).as_string(), "");
  EXPECT_EQ(rows[2].at(5).as_string(), "No Separator Here");
  EXPECT_EQ(rows[3].at(4).as_string(), "Röyksopp & Robyn");

  const auto json = export_as("json");
  ASSERT_EQ(json.status, 200);
  const auto items = json.json().as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[3].at("artist").as_string(), "AC/DC");
  EXPECT_EQ(items[3].at("track").as_string(), "Back in Black");
  EXPECT_EQ(items[0].at("id").as_int64(), std::stoll(std::string(rows[1].at(0).as_string())));
}

TEST_P(BookmarkExportTest, PlaylistsPlayersImport) {
  const auto m3u = export_as("m3u");
  ASSERT_EQ(m3u.status, 200);
  EXPECT_EQ(m3u.header("content-type"), "audio/x-mpegurl; charset=utf-8");
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < m3u.body.size();) {
    const auto end = m3u.body.find('\n', at);
    lines.push_back(m3u.body.substr(at, end - at));
    at = end + 1;
  }
  ASSERT_EQ(lines.size(), 9u) << m3u.body;
  EXPECT_EQ(lines[0], "#EXTM3U");
  EXPECT_EQ(lines[1], "#EXTINF:-1,\"Weird\", Al - Eat It");
  EXPECT_TRUE(lines[2].starts_with("https://www.youtube.com/results?search_query=")) << lines[2];
  EXPECT_EQ(lines[7], "#EXTINF:-1,AC/DC - Back in Black");

  const auto xspf = export_as("xspf");
  ASSERT_EQ(xspf.status, 200);
  EXPECT_EQ(xspf.header("content-type"), "application/xspf+xml");
  const auto playlist = read_download(scratch, "xspf", xspf.body).as_object();
  const auto& tracks = playlist.at("tracks").as_array();
  ASSERT_EQ(tracks.size(), 4u);
  EXPECT_EQ(tracks[2].at("creator").as_string(), "Röyksopp & Robyn");
  EXPECT_EQ(tracks[2].at("title").as_string(), "Do It <Again>");
  EXPECT_EQ(tracks[1].at("creator").as_string(), "");
  EXPECT_EQ(tracks[1].at("title").as_string(), "No Separator Here");
  EXPECT_TRUE(tracks[3].at("info").as_string().starts_with("https://www.youtube.com/results?"));
}

TEST_P(BookmarkExportTest, SignedOutIs401AndABadFormat422) {
  Browser stranger(server->port());
  EXPECT_EQ(stranger.get("/user/bookmarks/export?format=csv").status, 401);
  EXPECT_EQ(export_as("pdf").status, 422);
  EXPECT_EQ(ada_->get("/user/bookmarks/export").status, 422);
}

INSTANTIATE_TEST_SUITE_P(Engines, BookmarkExportTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

// The built web app as the server serves it beside the API: its files, and its pages (which the
// app routes in the browser) wherever a browser opens them.
#include <filesystem>
#include <fstream>

#include "integration/api/server_fixture.hpp"

namespace nicecream::testing {
namespace {

constexpr auto kIndex = "<!doctype html><title>app</title>";
constexpr auto kBrowserAccept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

class WebAppTest : public ServerTest {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(web_dir_.path() / "assets");
    std::ofstream(web_dir_.path() / "index.html") << kIndex;
    std::ofstream(web_dir_.path() / "favicon.svg") << "<svg/>";
    std::ofstream(web_dir_.path() / "assets" / "app-1234.js") << "run()";
    start({{"NICECREAM_WEB_DIR", web_dir_.path().string()}});
  }

  HttpResponse open_page(const std::string& target) {
    return client->get(target, {{"Accept", kBrowserAccept}});
  }

  static void expect_app(const HttpResponse& response, const std::string& target) {
    EXPECT_EQ(response.status, 200) << target;
    EXPECT_EQ(response.body, kIndex) << target;
    EXPECT_EQ(response.header("content-type"), "text/html; charset=utf-8") << target;
    EXPECT_EQ(response.header("cache-control"), "no-cache") << target;
  }

  static void expect_not_found(const HttpResponse& response, const std::string& target) {
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.header("content-type"), "application/json") << target;
    EXPECT_EQ(response.body, R"({"detail":"Not Found"})") << target;
  }

  TempDir web_dir_;
};

TEST_F(WebAppTest, TheRootIsTheAppWhateverTheAcceptHeader) {
  expect_app(open_page("/"), "/");
  expect_app(client->get("/", {{"Accept", "application/json"}}), "/ as JSON");
}

TEST_F(WebAppTest, APageOpenedInTheBrowserIsTheApp) {
  for (const auto* target : {"/bookmarks", "/songs/12", "/bookmarks?offset=50"})
    expect_app(open_page(target), target);
  expect_app(client->get("/songs/12", {{"Accept", "text/html"}}), "text/html alone");
}

TEST_F(WebAppTest, AnUnknownPathAskedForAsDataIsTheApis404) {
  for (const auto* target : {"/bookmarks", "/search?q=x"}) {
    expect_not_found(client->get(target, {{"Accept", "application/json"}}), target);
    expect_not_found(client->get(target, {{"Accept", "*/*"}}), target);
    expect_not_found(client->get(target), target);
    expect_not_found(client->get(target, {{"Accept", "text/html;q=0, */*"}}), target);
  }
}

TEST_F(WebAppTest, OnlyGetsFallBackToTheApp) {
  const auto response = client->request("POST", "/bookmarks", "", {{"Accept", kBrowserAccept}});
  expect_not_found(response, "POST /bookmarks");
}

// /songs/{id}, /artists/{id} and /charts are both pages of the app and routes of the API: the
// browser opening one names HTML, the app's fetch() of it asks for data.
TEST_F(WebAppTest, PagesThatShareAPathWithTheApiGoByWhatTheRequestAccepts) {
  for (const auto* target : {"/songs/12", "/artists/3", "/charts"})
    expect_app(open_page(target), target);
  for (const auto* accept : {"application/json", "*/*"}) {
    const auto song = client->get("/songs/12", {{"Accept", accept}});
    EXPECT_EQ(song.status, 404) << accept;
    EXPECT_EQ(song.body, R"({"detail":"Song not found."})") << accept;
    const auto chart = client->get("/charts", {{"Accept", accept}});
    EXPECT_EQ(chart.status, 200) << accept;
    EXPECT_EQ(chart.header("content-type"), "application/json") << accept;
  }
  EXPECT_EQ(open_page("/songs/12/stats").header("content-type"), "application/json");
}

TEST_F(WebAppTest, RoutesOfTheApiAnswerJsonEvenToABrowser) {
  for (const auto* target : {"/history", "/channels", "/user/bookmarks"}) {
    const auto response = open_page(target);
    EXPECT_EQ(response.header("content-type"), "application/json") << target;
  }
  const auto wrong_method = client->get("/user/bookmarks/7", {{"Accept", kBrowserAccept}});
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.header("content-type"), "application/json");
}

TEST_F(WebAppTest, FilesOfTheBuiltAppAreServedWithTheirCaching) {
  const auto asset = client->get("/assets/app-1234.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body, "run()");
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");
  const auto icon = open_page("/favicon.svg");
  EXPECT_EQ(icon.body, "<svg/>") << "a file wins over the app, even for a browser";
  EXPECT_EQ(icon.header("content-type"), "image/svg+xml");
  EXPECT_EQ(icon.header("cache-control"), "no-cache");
  expect_not_found(client->get("/assets/missing.js"), "/assets/missing.js");
}

}  // namespace
}  // namespace nicecream::testing

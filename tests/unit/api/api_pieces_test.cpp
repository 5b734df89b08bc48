#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>

#include "api/common/json_views.hpp"
#include "api/common/page_cache.hpp"
#include "api/common/query_reader.hpp"
#include "api/live/live_stream.hpp"
#include "api/web/static_files.hpp"
#include "domain/pages.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {
namespace {

domain::HistoryItem item(domain::Id id) {
  domain::HistoryItem history;
  history.id = id;
  history.created_at = *domain::parse_timestamp("2026-11-27T19:57:07.590829");
  history.song_id = 7;
  history.song_title = "Artist - \"Song\"";
  history.channel_id = 2;
  history.bookmark_id = 9;
  return history;
}

TEST(JsonViews, HistoryItemHasTheContractsFields) {
  EXPECT_EQ(boost::json::serialize(to_json(item(100001))),
            R"({"id":100001,"created_at":"2026-11-27T19:57:07.590829+00:00","song_id":7,)"
            R"("song_title":"Artist - \"Song\"","channel_id":2,"bookmark_id":9})");
}

TEST(JsonViews, ValidationErrorsNestByLocationAndField) {
  domain::ValidationErrors errors;
  errors.add("query", "offset", "Must be greater than or equal to 0.");
  errors.add("header", "X-Csrf-Token", "Missing or invalid value.");
  EXPECT_EQ(boost::json::serialize(to_json(errors)),
            R"({"header":{"X-Csrf-Token":["Missing or invalid value."]},)"
            R"("query":{"offset":["Must be greater than or equal to 0."]}})");
}

TEST(LiveEvents, WireFormatHasIdEventDataAndRetry) {
  const auto text = format_history_event(item(5), "history");
  EXPECT_EQ(text.rfind("id: 5\nevent: history\ndata: {", 0), 0u);
  EXPECT_TRUE(text.ends_with("}\nretry: 3000\n\n"));
  const auto data = text.substr(text.find("data: ") + 6);
  const auto json = boost::json::parse(data.substr(0, data.find('\n')));
  EXPECT_EQ(json.at("bookmark_id").as_int64(), 0) << "events are not per user";
  EXPECT_EQ(json.at("song_title").as_string(), "Artist - \"Song\"");
}

TEST(LiveEvents, TheEventIsNamedAfterTheRedisChannel) {
  EXPECT_EQ(format_history_event(item(5), "items").rfind("id: 5\nevent: items\ndata: {", 0), 0u);
}

PageCache::Page page(std::string body) {
  auto response =
      http::make_response(boost::beast::http::status::ok, std::move(body), "text/plain");
  return std::make_shared<const http::SerializedResponse>(response);
}

constexpr auto kMinute = std::chrono::minutes{1};

TEST(PageCache, ServesWhatWasStoredUntilInvalidated) {
  PageCache cache;
  const auto stored = page("[1]");
  cache.put("0/0/50/0", stored, cache.generation(), kMinute);
  EXPECT_EQ(cache.get("0/0/50/0"), stored);
  cache.invalidate();
  EXPECT_FALSE(cache.get("0/0/50/0"));
}

TEST(PageCache, APageReadBeforeAnInvalidationIsNotStored) {
  PageCache cache;
  const auto generation = cache.generation();
  cache.invalidate();  // a new item arrived while the page was being read
  cache.put("0/0/50/0", page("[stale]"), generation, kMinute);
  EXPECT_FALSE(cache.get("0/0/50/0"));
}

TEST(PageCache, APageExpiresAfterItsOwnAge) {
  PageCache cache;
  cache.put("short", page("[1]"), cache.generation(), std::chrono::seconds{-1});
  cache.put("long", page("[2]"), cache.generation(), kMinute);
  EXPECT_FALSE(cache.get("short"));
  EXPECT_TRUE(cache.get("long"));
}

TEST(PageCache, StaysBounded) {
  PageCache cache(2);
  for (int i = 0; i < 5; ++i) cache.put(std::to_string(i), page("x"), cache.generation(), kMinute);
  int present = 0;
  for (int i = 0; i < 5; ++i) present += cache.get(std::to_string(i)) != nullptr;
  EXPECT_LE(present, 2);
  EXPECT_TRUE(cache.get("4"));
}

TEST(QueryReader, ReportsUnknownParameters) {
  http::QueryParams query{{{"offset", "1"}, {"bogus", "x"}}};
  QueryReader reader(query, {"offset"});
  EXPECT_EQ(reader.integer("offset", {.min = 0}), 1);
  EXPECT_EQ(reader.errors().entries().at("query").at("bogus").front(), "Unknown field.");
}

TEST(PageWindow, DefaultsToTheFirstPageOfFifty) {
  http::QueryParams query;
  QueryReader reader(query, {}, kPageParameters);
  const auto window = read_page_window(reader);
  EXPECT_EQ(window.offset, 0);
  EXPECT_EQ(window.limit, domain::kDefaultPageSize);
  EXPECT_FALSE(window.before);
  EXPECT_TRUE(reader.errors().empty());
}

TEST(PageWindow, ReadsOffsetLimitAndBeforeBesideTheRoutesOwnParameters) {
  http::QueryParams query{
      {{"channel_id", "2"}, {"offset", "10"}, {"limit", "5"}, {"before", "99"}}};
  QueryReader reader(query, {"channel_id"}, kPageParameters);
  const auto window = read_page_window(reader);
  EXPECT_EQ(window.offset, 10);
  EXPECT_EQ(window.limit, 5);
  EXPECT_EQ(window.before, 99);
  EXPECT_TRUE(reader.errors().empty()) << "channel_id is known";
}

TEST(PageWindow, OutOfRangeValuesAreErrorsOnTheirFields) {
  http::QueryParams query{{{"offset", "-1"}, {"limit", "101"}, {"before", "0"}}};
  QueryReader reader(query, {}, kPageParameters);
  read_page_window(reader);
  const auto& errors = reader.errors().entries().at("query");
  for (const auto* field : {"offset", "limit", "before"})
    EXPECT_TRUE(errors.contains(field)) << field;
}

TEST(StaticFiles, OnlyPlainRelativePathsAreSafe) {
  EXPECT_TRUE(is_safe_relative_path("index.html"));
  EXPECT_TRUE(is_safe_relative_path("assets/app-1234.js"));
  for (const auto* path :
       {"", "/etc/passwd", "../secret", "assets/../../x", "a//b", "./a", "a\\b", "assets/"})
    EXPECT_FALSE(is_safe_relative_path(path)) << path;
}

TEST(StaticFiles, ContentTypesByExtension) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("blob.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace nicecream::api

namespace nicecream::api {
namespace {

TEST(StaticFiles, ServesFilesUnderTheRootAndNoticesChanges) {
  const auto root = std::filesystem::temp_directory_path() / "nicecream-static-test";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<p>one</p>";
  std::ofstream(root / "assets" / "app.js") << "run()";
  StaticFiles files(root);
  ASSERT_TRUE(files.load("index.html"));
  EXPECT_EQ(files.load("index.html")->body, "<p>one</p>");
  EXPECT_EQ(files.load("assets/app.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_FALSE(files.load("missing.html"));
  EXPECT_FALSE(files.load("../etc/passwd"));
  EXPECT_FALSE(files.load("assets")) << "folders are not files";
  std::ofstream(root / "index.html") << "<p>two, after a rebuild</p>";
  std::filesystem::last_write_time(
      root / "index.html", std::filesystem::file_time_type::clock::now() + std::chrono::seconds{5});
  EXPECT_EQ(files.load("index.html")->body, "<p>two, after a rebuild</p>");
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace nicecream::api

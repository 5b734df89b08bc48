// GET/POST /user/watches, DELETE /user/watches/{watch_id}, POST /user/watches/feed-token and
// GET /feeds/watches/{token}.atom against the real binary on both engines: who may call them
// (401, CSRF), 201/200/204/404/422, the limit, and the feed (entries, 304, 404 after rotation).
#include "integration/admin/admin_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

std::string watch_body(const std::string& kind, const std::string& value) {
  return json::serialize(json::object{{"kind", kind}, {"value", value}});
}

class WatchRoutesTest : public OnEachEngine<AdminServerTest> {
 protected:
  static std::string detail(const HttpResponse& response) {
    return json::serialize(response.json().at("detail"));
  }
};

TEST_P(WatchRoutesTest, EveryRouteNeedsASessionAndWritesTheCsrfToken) {
  const std::map<std::string, std::string> as_json{{"Content-Type", "application/json"}};
  EXPECT_EQ(client->get("/user/watches").status, 401);
  EXPECT_EQ(client->request("POST", "/user/watches", watch_body("text", "x"), as_json).status, 401);
  EXPECT_EQ(client->request("DELETE", "/user/watches/1", "", {}).status, 401);
  EXPECT_EQ(client->request("POST", "/user/watches/feed-token", "", {}).status, 401);
  auto grace = signed_in("grace");
  const auto without =
      grace->browser.request("POST", "/user/watches", watch_body("text", "x"), as_json);
  EXPECT_EQ(without.status, 422) << without.body;
  EXPECT_EQ(detail(without), R"({"header":{"X-Csrf-Token":["Missing or invalid value."]}})");
  EXPECT_EQ(send(*grace, "POST", "/user/watches/feed-token", "", grace->csrf + "x").status, 422);
}

TEST_P(WatchRoutesTest, AddListAndRemove) {
  auto grace = signed_in("grace");
  const auto created = send(*grace, "POST", "/user/watches", watch_body("artist", "  Beyonce "));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("cache-control"), "no-store");
  const auto watch = created.json().as_object();
  EXPECT_EQ(watch.at("kind"), "artist");
  EXPECT_EQ(watch.at("value"), "Beyonce");
  EXPECT_TRUE(watch.at("song_id").is_null());
  EXPECT_TRUE(watch.at("channel_id").is_null());
  EXPECT_TRUE(watch.at("created_at").is_string());
  const std::string feed_url(watch.at("feed_url").as_string());
  EXPECT_TRUE(feed_url.ends_with(".atom")) << feed_url;

  const auto again = send(*grace, "POST", "/user/watches", watch_body("artist", "BEYONCÉ"));
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("id"), watch.at("id"));

  const auto text = send(*grace, "POST", "/user/watches",
                         R"({"kind": "text", "value": "halo", "channel_id": 2})");
  ASSERT_EQ(text.status, 201) << text.body;
  EXPECT_EQ(text.json().at("channel_id"), 2);

  const auto listed = grace->browser.get("/user/watches");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.json().as_array().size(), 2U);
  EXPECT_EQ(listed.json().as_array()[0].at("id"), text.json().at("id")) << "newest first";
  EXPECT_EQ(listed.json().as_array()[1].at("feed_url"), json::value(feed_url));

  auto ada = signed_in("ada");
  const auto id = std::to_string(watch.at("id").as_int64());
  EXPECT_EQ(send(*ada, "DELETE", "/user/watches/" + id).status, 404) << "not theirs";
  const auto removed = send(*grace, "DELETE", "/user/watches/" + id);
  EXPECT_EQ(removed.status, 204);
  EXPECT_EQ(removed.body, "");
  EXPECT_EQ(send(*grace, "DELETE", "/user/watches/" + id).status, 404);
}

TEST_P(WatchRoutesTest, BadWatchesAre422) {
  auto grace = signed_in("grace");
  const auto song = store().record_title(1, "Daft Punk - One More Time", domain::now());
  const auto song_id = std::to_string(song.inserted->song_id);
  for (const std::string body :
       {R"({"kind": "album", "value": "x"})", R"({"value": "x"})", R"({"kind": "text"})",
        R"({"kind": "text", "value": "   "})", R"({"kind": "text", "value": 3})",
        R"({"kind": "artist", "value": "?!"})", R"({"kind": "song"})",
        R"({"kind": "song", "song_id": 999999})",
        R"({"kind": "text", "value": "x", "channel_id": 999})",
        R"({"kind": "text", "value": "x", "colour": "red"})", "[]"}) {
    const auto answer = send(*grace, "POST", "/user/watches", body);
    EXPECT_EQ(answer.status, 422) << body << " → " << answer.body;
  }
  const auto by_song =
      send(*grace, "POST", "/user/watches", R"({"kind": "song", "song_id": )" + song_id + "}");
  ASSERT_EQ(by_song.status, 201) << by_song.body;
  EXPECT_EQ(by_song.json().at("value"), "Daft Punk - One More Time");
  EXPECT_EQ(by_song.json().at("song_id"), song.inserted->song_id);
}

TEST_P(WatchRoutesTest, TheHundredAndFirstWatchIsRefused) {
  auto grace = signed_in("grace");
  const auto user_id = grace->browser.get("/user").json().at("id").as_int64();
  for (int i = 0; i < 100; ++i)
    store().add_watch(user_id, {domain::WatchKind::text, "word" + std::to_string(i), {}, {}});
  const auto refused = send(*grace, "POST", "/user/watches", watch_body("text", "more"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("At most 100 watches"), std::string::npos) << refused.body;
}

TEST_P(WatchRoutesTest, TheFeedListsMatchesAnswers304AndMovesOnRotation) {
  auto grace = signed_in("grace");
  const auto created = send(*grace, "POST", "/user/watches", watch_body("artist", "Beyonce"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string feed_url(created.json().at("feed_url").as_string());
  const auto path = feed_url.substr(feed_url.find("/feeds/"));
  for (const auto* title : {"Beyoncé - Halo", "Other - Song", "Beyoncé - Halo"}) {
    const auto item = store().record_title(1, title, domain::now());
    store().claim_watch_matches(*item.inserted);
  }
  const auto feed = client->get(path);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.header("content-type"), "application/atom+xml; charset=utf-8");
  std::size_t entries = 0;
  for (auto at = feed.body.find("<entry>"); at != std::string::npos;
       at = feed.body.find("<entry>", at + 1))
    ++entries;
  EXPECT_EQ(entries, 2U) << feed.body;
  EXPECT_NE(feed.body.find("Beyoncé - Halo"), std::string::npos);
  const auto etag = feed.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(client->get(path, {{"If-None-Match", etag}}).status, 304);

  const auto rotated = send(*grace, "POST", "/user/watches/feed-token");
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  const std::string new_url(rotated.json().at("feed_url").as_string());
  EXPECT_NE(new_url, feed_url);
  EXPECT_EQ(client->get(path).status, 404);
  EXPECT_EQ(client->get(new_url.substr(new_url.find("/feeds/"))).status, 200);
  EXPECT_EQ(grace->browser.get("/user/watches").json().as_array()[0].at("feed_url"),
            json::value(new_url));
  EXPECT_EQ(client->get("/feeds/watches/unknown.atom").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, WatchRoutesTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

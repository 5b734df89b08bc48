// The admin routes (issue 14, point 8) against the real binary, signed in through the real test
// OpenID provider, on both engines: who may call them (401, 403, CSRF, API_ADMINS by subject and
// by verified e-mail), every answer of POST/PATCH/DELETE /channels, the rate limit, and the live
// `event: channel` a change sends.
#include "integration/admin/admin_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

const std::string kNeedsPointer =
    R"j({"body":{"title_pointer":["the json format needs --title-pointer (e.g. /now_playing/song/text)"]}})j";

const std::string kPurple = R"({"name": "purple", "url": "http://radio.example/currentsong"})";

class AdminRoutesTest : public OnEachEngine<AdminServerTest> {
 protected:
  static std::string detail(const HttpResponse& response) {
    return json::serialize(response.json().at("detail"));
  }
};

TEST_P(AdminRoutesTest, SignedOutIs401OnEveryRoute) {
  const std::map<std::string, std::string> as_json{{"Content-Type", "application/json"}};
  EXPECT_EQ(client->request("POST", "/channels", kPurple, as_json).status, 401);
  EXPECT_EQ(client->request("PATCH", "/channels/1", R"({"paused": true})", as_json).status, 401);
  EXPECT_EQ(client->request("DELETE", "/channels/1", "", {}).status, 401);
  EXPECT_EQ(
      client->request("POST", "/channels/probe", R"({"url": "http://x.example/"})", as_json).status,
      401);
  EXPECT_EQ(client->get("/channels").json().as_array().size(), 3u);
}

TEST_P(AdminRoutesTest, AdminsAreNamedBySubjectOrVerifiedEmail) {
  struct Case {
    std::string login;
    bool admin;
  };
  // "mail-admin" is listed by e-mail only (in another case); "unverified-x" by an e-mail the
  // provider does not vouch for; "grace" not at all.
  for (const auto& [login, admin] : {Case{"admin", true}, Case{"mail-admin", true},
                                     Case{"unverified-x", false}, Case{"grace", false}}) {
    auto person = signed_in(login);
    const auto user = person->browser.get("/user");
    ASSERT_EQ(user.status, 200) << login;
    EXPECT_EQ(user.json().at("is_admin").as_bool(), admin) << login;
    EXPECT_EQ(user.json().at("sub").as_string(), login) << "the original's fields stay";
    const auto name = login.substr(0, 10);
    const auto added = send(*person, "POST", "/channels",
                            R"({"name": ")" + name + R"(", "url": "http://radio.example/x"})");
    EXPECT_EQ(added.status, admin ? 201 : 403) << login << ": " << added.body;
    if (!admin) {
      EXPECT_EQ(detail(added), R"("Only admins may manage channels.")");
    }
    EXPECT_EQ(listed(name).has_value(), admin) << login;
  }
  EXPECT_TRUE(server->log_contains("admin admin: added channel 4 'admin'"));
  EXPECT_TRUE(server->log_contains("admin mail-admin: added channel 5 'mail-admin'"));
}

TEST_P(AdminRoutesTest, TheCsrfTokenIsRequired) {
  auto admin = signed_in("admin");
  const std::map<std::string, std::string> as_json{{"Content-Type", "application/json"}};
  const auto missing = admin->browser.request("POST", "/channels", kPurple, as_json);
  EXPECT_EQ(missing.status, 403) << missing.body;
  EXPECT_EQ(detail(missing), R"("Missing or invalid X-Csrf-Token.")");
  const auto wrong = admin->csrf + "x";
  EXPECT_EQ(send(*admin, "POST", "/channels", kPurple, wrong).status, 403);
  EXPECT_EQ(send(*admin, "PATCH", "/channels/1", R"({"paused": true})", wrong).status, 403);
  EXPECT_EQ(send(*admin, "DELETE", "/channels/3", "", wrong).status, 403);
  EXPECT_EQ(
      send(*admin, "POST", "/channels/probe", R"({"url": "http://x.example/"})", wrong).status,
      403);
  auto grace = signed_in("grace");
  EXPECT_EQ(send(*admin, "POST", "/channels", kPurple, grace->csrf).status, 403)
      << "another session's token";
  EXPECT_FALSE(listed("purple"));
  EXPECT_EQ(state_of(*listed("red")), "pending");
  EXPECT_TRUE(listed("blue"));
}

TEST_P(AdminRoutesTest, AddingAChannel) {
  auto admin = signed_in("admin");
  const auto added = send(*admin, "POST", "/channels", kPurple);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.header("cache-control"), "no-store");
  auto channel = added.json().as_object();
  EXPECT_EQ(channel.at("name").as_string(), "purple");
  EXPECT_EQ(channel.at("url").as_string(), "http://radio.example/currentsong");
  EXPECT_EQ(channel.at("format").as_string(), "auto");
  EXPECT_EQ(channel.at("title_pointer").as_string(), "");
  EXPECT_EQ(channel.at("paused").as_bool(), false);
  EXPECT_EQ(state_of(channel), "pending");
  EXPECT_EQ(listed("purple"), channel) << "GET /channels shows it at once, the same";

  const auto again = send(*admin, "POST", "/channels", kPurple);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(detail(again), R"("A channel named 'purple' exists already.")");

  const auto json_channel = send(
      *admin, "POST", "/channels",
      R"({"name": "np", "url": "https://x.example/np.json", "format": "json", "title_pointer": "/now/title"})");
  ASSERT_EQ(json_channel.status, 201) << json_channel.body;
  EXPECT_EQ(json_channel.json().at("title_pointer").as_string(), "/now/title");
}

TEST_P(AdminRoutesTest, InvalidChannelsAre422OnTheirFields) {
  auto admin = signed_in("admin");
  auto refused = [&](const std::string& body) {
    const auto answer = send(*admin, "POST", "/channels", body);
    EXPECT_EQ(answer.status, 422) << body << ": " << answer.body;
    return detail(answer);
  };
  EXPECT_EQ(refused(R"({"name": "much-too-long", "url": "http://x.example/"})"),
            R"({"body":{"name":["channel name must be 1 to 10 characters"]}})");
  EXPECT_EQ(refused(R"({"name": "a", "url": "ftp://x.example/"})"),
            R"({"body":{"url":["the url must start with http:// or https://"]}})");
  EXPECT_EQ(refused(R"({"name": "a", "url": "http://x.example/", "format": "mp3"})"),
            R"j({"body":{"format":["unknown format 'mp3' (auto, voscast, icecast, shoutcast2, )j"
            R"j(shoutcast1, icy or json)"]}})j");
  EXPECT_EQ(refused(R"({"name": "a", "url": "http://x.example/", "format": "json"})"),
            kNeedsPointer);
  EXPECT_EQ(refused(R"({"name": "a"})"),
            R"({"body":{"url":["Missing data for required field."]}})");
  EXPECT_EQ(refused(R"({"name": 7, "url": "http://x.example/", "paused": true})"),
            R"({"body":{"name":["Not a valid string."],"paused":["Unknown field."]}})");
  EXPECT_EQ(send(*admin, "POST", "/channels", "[1]").status, 422);
  EXPECT_EQ(send(*admin, "POST", "/channels", "{").status, 415) << "not JSON";
  EXPECT_EQ(client->get("/channels").json().as_array().size(), 3u);
}

TEST_P(AdminRoutesTest, ChangingPausingAndResumingAChannel) {
  auto admin = signed_in("admin");
  const auto renamed = send(*admin, "PATCH", "/channels/2", R"({"name": "lime"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json().at("name").as_string(), "lime");
  EXPECT_EQ(renamed.json().at("id").as_int64(), 2);
  EXPECT_EQ(listed("lime"), renamed.json().as_object());

  const auto paused = send(*admin, "PATCH", "/channels/2", R"({"paused": true})");
  ASSERT_EQ(paused.status, 200) << paused.body;
  EXPECT_EQ(paused.json().at("paused").as_bool(), true);
  EXPECT_EQ(state_of(paused.json().as_object()), "paused");
  EXPECT_EQ(state_of(*listed("lime")), "paused");
  const auto resumed = send(*admin, "PATCH", "/channels/2", R"({"paused": false})");
  ASSERT_EQ(resumed.status, 200);
  EXPECT_EQ(state_of(resumed.json().as_object()), "pending") << "until a crawler polls it";

  EXPECT_EQ(send(*admin, "PATCH", "/channels/99", R"({"paused": true})").status, 404);
  const auto empty = send(*admin, "PATCH", "/channels/2", "{}");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(
      detail(empty),
      R"({"body":{"_schema":["Send at least one of name, url, format, title_pointer, paused."]}})");
  EXPECT_EQ(detail(send(*admin, "PATCH", "/channels/2", R"({"paused": "yes"})")),
            R"({"body":{"paused":["Not a valid boolean."]}})");
  EXPECT_EQ(detail(send(*admin, "PATCH", "/channels/2", R"({"format": "json"})")), kNeedsPointer);
  const auto taken = send(*admin, "PATCH", "/channels/2", R"({"name": "red"})");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(detail(taken), R"("A channel named 'red' exists already.")");
  EXPECT_EQ(listed("lime")->at("format").as_string(), "voscast") << "nothing half-saved";
  EXPECT_TRUE(server->log_contains("admin admin: changed channel 2 'lime' (paused)"));
}

TEST_P(AdminRoutesTest, RemovingAChannelWithAndWithoutItsHistory) {
  auto admin = signed_in("admin");
  const auto added = send(*admin, "POST", "/channels", kPurple);
  const auto purple = added.json().at("id").as_int64();
  EXPECT_EQ(send(*admin, "DELETE", "/channels/" + std::to_string(purple)).status, 204);
  EXPECT_FALSE(listed("purple"));
  EXPECT_EQ(send(*admin, "DELETE", "/channels/" + std::to_string(purple)).status, 404);

  const auto recorded = store().record_title(1, "Kept - Song", domain::now());
  const auto song_id = recorded.inserted->song_id;
  const auto bookmark =
      send(*admin, "POST", "/user/bookmarks", R"({"song_id": )" + std::to_string(song_id) + "}");
  ASSERT_EQ(bookmark.status, 200) << bookmark.body;

  const auto refused = send(*admin, "DELETE", "/channels/1");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(detail(refused),
            R"("The channel has recorded history; delete with ?purge=true to remove it too.")");
  EXPECT_TRUE(listed("red"));
  EXPECT_EQ(send(*admin, "DELETE", "/channels/1?purge=maybe").status, 422);

  EXPECT_EQ(send(*admin, "DELETE", "/channels/1?purge=true").status, 204);
  EXPECT_FALSE(listed("red"));
  EXPECT_TRUE(client->get("/history").json().as_array().empty()) << "its history went with it";
  EXPECT_EQ(client->get("/channels/1/outages").status, 404);
  const auto bookmarks = admin->browser.get("/user/bookmarks").json().as_array();
  ASSERT_EQ(bookmarks.size(), 1u) << "bookmarks keep their song";
  EXPECT_EQ(bookmarks[0].at("song_title").as_string(), "Kept - Song");
  EXPECT_EQ(client->get("/songs/" + std::to_string(song_id)).status, 200);
  EXPECT_TRUE(server->log_contains("admin admin: removed channel 1 and its history"));
}

TEST_P(AdminRoutesTest, ChangesAreSentLive) {
  auto admin = signed_in("admin");
  EventStreamClient stream(server->port(), "/history/events");
  ASSERT_EQ(stream.status(), 200);
  const auto added = send(*admin, "POST", "/channels", kPurple);
  ASSERT_EQ(added.status, 201);
  const auto purple = added.json().at("id").as_int64();
  ASSERT_EQ(send(*admin, "PATCH", "/channels/2", R"({"paused": true})").status, 200);
  ASSERT_EQ(send(*admin, "DELETE", "/channels/" + std::to_string(purple)).status, 204);
  std::vector<json::object> events;
  while (events.size() < 3) {
    const auto event = stream.next_event();
    ASSERT_TRUE(event) << "no channel event";
    if (event->count("event") && event->at("event") == "channel")
      events.push_back(json::parse(event->at("data")).as_object());
  }
  EXPECT_EQ(events[0].at("name").as_string(), "purple");
  EXPECT_EQ(state_of(events[0]), "pending");
  EXPECT_EQ(events[1].at("id").as_int64(), 2);
  EXPECT_EQ(state_of(events[1]), "paused");
  EXPECT_EQ(events[2], (json::object{{"id", purple}, {"removed", true}}));
}

TEST_P(AdminRoutesTest, WritesAreRateLimitedLikeTheOthers) {
  auto admin = signed_in("admin");
  std::optional<HttpResponse> limited;
  for (int i = 0; i < 45 && !limited; ++i) {
    auto answer = send(*admin, "POST", "/channels/probe", "{}");
    if (answer.status == 429)
      limited = answer;
    else
      EXPECT_EQ(answer.status, 422) << answer.body;
  }
  ASSERT_TRUE(limited) << "API_WRITE_RATE_PER_MINUTE=40 never answered 429";
  EXPECT_FALSE(limited->header("retry-after").empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, AdminRoutesTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

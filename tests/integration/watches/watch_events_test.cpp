// `event: watch` on /history/events, through the crawler inside `serve` recording a station
// (the emulator), on both engines: the watch's owner's signed-in stream gets one per airing;
// another user's stream and an anonymous one get the history items only.
#include <boost/json.hpp>

#include "auth/session_cookies.hpp"
#include "integration/admin/admin_fixture.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

class WatchEventsTest : public OnEachEngine<AdminServerTest> {
 protected:
  std::map<std::string, std::string> extra_environment() const override {
    return {{"NICECREAM_CRAWLER", "true"},
            {"API_CRAWLER_INTERVAL", "1"},
            {"API_CRAWLER_BACKOFF_INTERVAL", "1"}};
  }

  std::unique_ptr<EventStreamClient> stream_of(Person* person) {
    std::map<std::string, std::string> headers;
    if (person != nullptr)
      headers["Cookie"] = std::string(auth::kSessionCookieName) + "=" +
                          *person->browser.cookie(std::string(auth::kSessionCookieName));
    return std::make_unique<EventStreamClient>(server->port(), "/history/events", headers);
  }

  // The events of `stream` until a history item titled `title` arrives (which it returns among
  // them), so what came with that airing has been read.
  static std::vector<std::map<std::string, std::string>> until_item(EventStreamClient& stream,
                                                                    const std::string& title) {
    std::vector<std::map<std::string, std::string>> seen;
    while (auto event = stream.next_event(std::chrono::seconds{20})) {
      seen.push_back(*event);
      if (event->contains("id") && json::parse(event->at("data")).at("song_title") == title.c_str())
        return seen;
    }
    ADD_FAILURE() << "no item titled " << title;
    return seen;
  }

  static std::vector<json::value> watch_events(
      const std::vector<std::map<std::string, std::string>>& events) {
    std::vector<json::value> found;
    for (const auto& event : events)
      if (event.contains("event") && event.at("event") == "watch")
        found.push_back(json::parse(event.at("data")));
    return found;
  }

  StationEmulator emulator_;
};

TEST_P(WatchEventsTest, OnlyTheOwnersStreamHearsOfAMatchOncePerAiring) {
  emulator_.set_title("watched", "Intro - Jingle");
  auto grace = signed_in("grace");
  auto ada = signed_in("ada");
  auto admin = signed_in("admin");
  const auto watch =
      send(*grace, "POST", "/user/watches", R"({"kind": "artist", "value": "Beyonce"})");
  ASSERT_EQ(watch.status, 201) << watch.body;
  auto grace_stream = stream_of(grace.get());
  auto ada_stream = stream_of(ada.get());
  auto anonymous = stream_of(nullptr);
  ASSERT_EQ(grace_stream->status(), 200);

  const auto added =
      send(*admin, "POST", "/channels",
           R"({"name": "watched", "url": ")" + emulator_.url("watched", "currentsong") + R"("})");
  ASSERT_EQ(added.status, 201) << added.body;
  until_item(*grace_stream, "Intro - Jingle");
  until_item(*ada_stream, "Intro - Jingle");
  until_item(*anonymous, "Intro - Jingle");

  for (const auto* next : {"Beyoncé - Halo", "Other - Song", "Beyoncé - Halo", "Outro - Jingle"}) {
    emulator_.set_title("watched", next);
    ASSERT_TRUE(eventually([&] {
      return client->get("/history?limit=1").json().as_array()[0].at("song_title") == next;
    })) << server->log();
  }
  const auto graces = watch_events(until_item(*grace_stream, "Outro - Jingle"));
  ASSERT_EQ(graces.size(), 2U) << "one per airing";
  EXPECT_EQ(graces[0].at("watch_id"), watch.json().at("id"));
  EXPECT_EQ(graces[0].at("kind"), "artist");
  EXPECT_EQ(graces[0].at("value"), "Beyonce");
  EXPECT_EQ(graces[0].at("item").at("song_title"), "Beyoncé - Halo");
  EXPECT_NE(graces[0].at("item").at("id"), graces[1].at("item").at("id"));
  EXPECT_TRUE(watch_events(until_item(*ada_stream, "Outro - Jingle")).empty());
  EXPECT_TRUE(watch_events(until_item(*anonymous, "Outro - Jingle")).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, WatchEventsTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

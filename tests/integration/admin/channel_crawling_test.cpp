// What the crawler inside `serve` makes of admin changes, on both engines: a channel added
// through the API is recorded; a paused one is not polled and reads `paused`; resumed, it is
// polled and recorded again; a deleted one is dropped while the crawler runs.
#include <algorithm>
#include <thread>

#include "integration/admin/admin_fixture.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

class ChannelCrawlingTest : public OnEachEngine<AdminServerTest> {
 protected:
  std::map<std::string, std::string> extra_environment() const override {
    return {{"NICECREAM_CRAWLER", "true"},
            {"API_CRAWLER_INTERVAL", "1"},
            {"API_CRAWLER_BACKOFF_INTERVAL", "1"}};
  }

  std::vector<std::string> titles(domain::Id channel_id) {
    std::vector<std::string> titles;
    const auto page = client->get("/history?channel_id=" + std::to_string(channel_id)).json();
    for (const auto& item : page.as_array()) titles.emplace_back(item.at("song_title").as_string());
    return titles;
  }
  bool has_title(domain::Id channel_id, const std::string& title) {
    const auto all = titles(channel_id);
    return std::find(all.begin(), all.end(), title) != all.end();
  }

  StationEmulator emulator_;
};

TEST_P(ChannelCrawlingTest, AChannelAddedThroughTheApiIsRecordedPausedAndResumed) {
  emulator_.set_title("fresh", "First - Song");
  auto admin = signed_in("admin");
  const auto added =
      send(*admin, "POST", "/channels",
           R"({"name": "fresh", "url": ")" + emulator_.url("fresh", "currentsong") + R"("})");
  ASSERT_EQ(added.status, 201) << added.body;
  const auto id = added.json().at("id").as_int64();
  const auto target = "/channels/" + std::to_string(id);
  ASSERT_TRUE(eventually([&] { return has_title(id, "First - Song"); })) << server->log();
  ASSERT_TRUE(eventually([&] { return state_of(*listed("fresh")) == "ok"; }));

  ASSERT_EQ(send(*admin, "PATCH", target, R"({"paused": true})").status, 200);
  EXPECT_EQ(state_of(*listed("fresh")), "paused");
  // A poll already under way may still land; after one refresh (an interval) none is started.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const auto polls_when_paused = emulator_.state("fresh").requests;
  emulator_.set_title("fresh", "While - Paused");
  // Proving that nothing happens takes time: three intervals without a poll.
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(emulator_.state("fresh").requests, polls_when_paused) << "a paused channel was polled";
  EXPECT_FALSE(has_title(id, "While - Paused"));
  EXPECT_EQ(state_of(*listed("fresh")), "paused") << "no poll outcome overwrote it";

  emulator_.set_title("fresh", "After - Resuming");
  ASSERT_EQ(send(*admin, "PATCH", target, R"({"paused": false})").status, 200);
  EXPECT_TRUE(eventually([&] { return has_title(id, "After - Resuming"); }));
  EXPECT_TRUE(eventually([&] { return state_of(*listed("fresh")) == "ok"; }));
}

TEST_P(ChannelCrawlingTest, AChannelDeletedWhileCrawlingIsDroppedCleanly) {
  emulator_.set_title("brief", "Only - Song");
  auto admin = signed_in("admin");
  const auto added =
      send(*admin, "POST", "/channels",
           R"({"name": "brief", "url": ")" + emulator_.url("brief", "currentsong") + R"("})");
  ASSERT_EQ(added.status, 201) << added.body;
  const auto id = added.json().at("id").as_int64();
  ASSERT_TRUE(eventually([&] { return has_title(id, "Only - Song"); }));
  ASSERT_EQ(send(*admin, "DELETE", "/channels/" + std::to_string(id) + "?purge=true").status, 204);
  EXPECT_FALSE(listed("brief"));
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // one refresh drops it
  const auto polls = emulator_.state("brief").requests;
  emulator_.set_title("brief", "Never - Recorded");
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(emulator_.state("brief").requests, polls) << "a deleted channel was polled";
  EXPECT_TRUE(client->get("/history").json().as_array().empty()) << "its history went with it";
  EXPECT_EQ(server->log().find("recording"), std::string::npos) << server->log();
}

INSTANTIATE_TEST_SUITE_P(Engines, ChannelCrawlingTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

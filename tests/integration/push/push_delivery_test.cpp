// Web Push end to end, on both engines: a signed-in user watches an artist and subscribes a
// browser of the push service emulator; the crawler inside `serve` records the artist's song
// from the station emulator, and the browser gets exactly one message per airing, which the
// emulator decrypts with the subscription's keys and whose VAPID token it checks. A browser the
// push service says is gone (410) is removed; one whose push service fails once (500) gets the
// message on the retry, once.
#include "integration/admin/admin_fixture.hpp"
#include "support/push/push_emulator.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

class PushDeliveryTest : public OnEachEngine<AdminServerTest> {
 protected:
  std::map<std::string, std::string> extra_environment() const override {
    return {{"NICECREAM_CRAWLER", "true"},
            {"API_CRAWLER_INTERVAL", "1"},
            {"API_CRAWLER_BACKOFF_INTERVAL", "1"},
            {"API_VAPID_SUBJECT", "mailto:ops@radio.example"}};
  }

  // Adds a channel on the station emulator as the admin; returns its id.
  domain::Id add_channel(const std::string& name, const std::string& first_title) {
    stations_.set_title(name, first_title);
    auto admin = signed_in("admin");
    const auto added = send(
        *admin, "POST", "/channels",
        R"({"name": ")" + name + R"(", "url": ")" + stations_.url(name, "currentsong") + R"("})");
    EXPECT_EQ(added.status, 201) << added.body;
    return added.json().at("id").as_int64();
  }

  bool recorded(domain::Id channel_id, const std::string& title) {
    const auto page = client->get("/history?channel_id=" + std::to_string(channel_id)).json();
    for (const auto& item : page.as_array())
      if (item.at("song_title").as_string() == title) return true;
    return false;
  }

  StationEmulator stations_;
  PushEmulator push_;
};

TEST_P(PushDeliveryTest, AWatchedArtistAiringReachesEveryBrowserOnce) {
  const auto channel_id = add_channel("pushy", "Someone - Intro");
  ASSERT_TRUE(eventually([&] { return recorded(channel_id, "Someone - Intro"); })) << server->log();

  auto grace = signed_in("grace");
  const auto watch =
      send(*grace, "POST", "/user/watches", R"({"kind": "artist", "value": "Daft Punk"})");
  ASSERT_EQ(watch.status, 201) << watch.body;
  const auto watch_id = watch.json().at("id").as_int64();
  const auto phone = push_.subscribe();
  const auto gone = push_.subscribe();
  const auto flaky = push_.subscribe();
  for (const auto& browser : {phone, gone, flaky})
    ASSERT_EQ(send(*grace, "POST", "/user/push-subscriptions", browser.json).status, 201);
  push_.answer_next(gone.id, {410});
  push_.answer_next(flaky.id, {500});

  stations_.set_title("pushy", "Daft Punk - One More Time");
  ASSERT_TRUE(eventually([&] { return push_.inbox(phone.id).delivered().size() == 1; }))
      << server->log();
  ASSERT_TRUE(eventually([&] { return push_.inbox(flaky.id).delivered().size() == 1; }))
      << server->log();
  const auto user_id = grace->browser.get("/user").json().at("id").as_int64();
  ASSERT_TRUE(eventually([&] { return store().list_push_subscriptions(user_id).size() == 2; }))
      << "the gone browser is removed";

  const auto inbox = push_.inbox(phone.id);
  EXPECT_TRUE(inbox.rejected.empty()) << inbox.rejected.front();
  const auto& message = inbox.messages.front();
  EXPECT_EQ(message.at("claims").at("aud").as_string(), push_.origin());
  EXPECT_EQ(message.at("claims").at("sub").as_string(), "mailto:ops@radio.example");
  EXPECT_EQ(message.at("key").as_string(),
            client->get("/push/vapid-public-key").json().at("public_key").as_string())
      << "signed with the key browsers subscribe to";
  const auto payload = json::parse(message.at("payload").as_string()).as_object();
  EXPECT_EQ(payload.at("title").as_string(), "Daft Punk - One More Time");
  EXPECT_EQ(payload.at("channel_id").as_int64(), channel_id);
  EXPECT_EQ(payload.at("channel_name").as_string(), "pushy");
  EXPECT_EQ(payload.at("watch_id").as_int64(), watch_id);
  const auto song_id = payload.at("song_id").as_int64();
  EXPECT_EQ(payload.at("url").as_string(), "http://app.test/songs/" + std::to_string(song_id));
  EXPECT_FALSE(payload.at("played_at").as_string().empty());
  EXPECT_EQ(push_.inbox(flaky.id).attempts, 2) << "retried once";
  EXPECT_EQ(push_.inbox(gone.id).attempts, 1);

  // Another song, then the artist again: one more message per remaining browser, none to the
  // removed one.
  stations_.set_title("pushy", "Someone - Else");
  ASSERT_TRUE(eventually([&] { return recorded(channel_id, "Someone - Else"); }));
  stations_.set_title("pushy", "Daft Punk - Around The World");
  ASSERT_TRUE(eventually([&] { return push_.inbox(phone.id).delivered().size() == 2; }));
  ASSERT_TRUE(eventually([&] { return push_.inbox(flaky.id).delivered().size() == 2; }));
  EXPECT_EQ(push_.inbox(gone.id).attempts, 1);
  EXPECT_EQ(push_.inbox(phone.id).attempts, 2) << "exactly one message per airing";
}

INSTANTIATE_TEST_SUITE_P(Engines, PushDeliveryTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

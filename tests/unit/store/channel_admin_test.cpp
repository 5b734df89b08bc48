// What the admin routes ask of the store, on both engines: saving a channel's fields, pausing
// (the status follows in the same transaction), removing only channels without history, and a
// user's verified e-mail.
#include "store/errors.hpp"
#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

domain::ChannelStatus status_of(Store& store, Id channel_id) {
  for (auto& status : store.list_channel_statuses())
    if (status.channel_id == channel_id) return status;
  ADD_FAILURE() << "no status for channel " << channel_id;
  return {};
}

domain::Channel changed(Store& store, Id id, auto&& change) {
  auto channel = *store.find_channel(id);
  change(channel);
  return channel;
}

}  // namespace

TEST_P(StoreTest, UpdateChannelWritesEveryField) {
  const auto saved = store().update_channel(changed(store(), 2, [](domain::Channel& c) {
    c.name = "lime";
    c.url = "http://127.0.0.1:9/np.json";
    c.format = "json";
    c.title_pointer = "/title";
  }));
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->name, "lime");
  const auto found = store().find_channel(2);
  EXPECT_EQ(found->url, "http://127.0.0.1:9/np.json");
  EXPECT_EQ(found->format, "json");
  EXPECT_EQ(found->title_pointer, "/title");
  EXPECT_FALSE(found->paused);
  domain::Channel missing;
  missing.id = 99;
  missing.name = "ghost";
  EXPECT_FALSE(store().update_channel(missing));
  EXPECT_THROW(store().update_channel(changed(store(), 2, [](auto& c) { c.name = "red"; })),
               Conflict);
  EXPECT_EQ(store().find_channel(2)->name, "lime");
}

TEST_P(StoreTest, PausingWritesThePausedStatusAndEndsTheOutage) {
  store().record_poll_outcome({2, instant(10), "timeout"});
  ASSERT_EQ(status_of(store(), 2).state, domain::ChannelState::failing);
  const auto paused = store().update_channel(changed(store(), 2, [](auto& c) { c.paused = true; }));
  ASSERT_TRUE(paused);
  EXPECT_TRUE(paused->paused);
  EXPECT_TRUE(store().find_channel(2)->paused);
  const auto status = status_of(store(), 2);
  EXPECT_EQ(status.state, domain::ChannelState::paused);
  EXPECT_EQ(status.error, "");
  const auto outages = store().list_outages({.channel_id = 2, .from = {}, .to = {}, .limit = 10});
  ASSERT_EQ(outages.size(), 1u);
  EXPECT_TRUE(outages[0].ended_at) << "a paused channel is not failing";

  // A poll that was under way when it was paused changes nothing.
  EXPECT_FALSE(store().record_poll_outcome({2, instant(20), ""}));
  EXPECT_FALSE(store().record_poll_outcome({2, instant(21), "HTTP 503"}));
  EXPECT_EQ(status_of(store(), 2).state, domain::ChannelState::paused);
  EXPECT_EQ(store().list_outages({.channel_id = 2, .from = {}, .to = {}, .limit = 10}).size(), 1u);

  store().update_channel(changed(store(), 2, [](auto& c) { c.paused = false; }));
  EXPECT_EQ(status_of(store(), 2).state, domain::ChannelState::pending);
  EXPECT_TRUE(store().record_poll_outcome({2, instant(30), ""}));
  EXPECT_EQ(status_of(store(), 2).state, domain::ChannelState::ok);
}

TEST_P(StoreTest, OnlyChannelsWithoutHistoryAreRemovedUnused) {
  store().record_title(1, "Kept - Song", instant(1));
  EXPECT_EQ(store().remove_unused_channel(1), ChannelRemoval::has_history);
  EXPECT_TRUE(store().find_channel(1));
  EXPECT_EQ(store().remove_unused_channel(2), ChannelRemoval::removed);
  EXPECT_FALSE(store().find_channel(2));
  EXPECT_EQ(store().remove_unused_channel(2), ChannelRemoval::not_found);
  EXPECT_EQ(store().remove_unused_channel(99), ChannelRemoval::not_found);
}

TEST_P(StoreTest, AUsersEmailIsKeptAndReplacedAtEachSignIn) {
  domain::UserClaims claims{"sub-1", "", "Ada", "L"};
  claims.email = "ada@example.test";
  const auto created = store().upsert_user(claims);
  EXPECT_EQ(created.email, "ada@example.test");
  EXPECT_EQ(store().find_user(created.id)->email, "ada@example.test");
  claims.email = "";  // no longer verified
  EXPECT_EQ(store().upsert_user(claims).email, "");
  EXPECT_EQ(store().find_user(created.id)->email, "");
}

}  // namespace nicecream::store::test

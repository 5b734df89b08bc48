#include <future>
#include <thread>

#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

class Watches : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    alice_ = store().upsert_user({"alice", "", "Alice", ""}).id;
    bob_ = store().upsert_user({"bob", "", "Bob", ""}).id;
  }

  domain::HistoryItem play(Id channel, const std::string& title) {
    return *store().record_title(channel, title, instant(++clock_)).inserted;
  }

  domain::Watch add(Id user, domain::WatchKind kind, std::string value,
                    std::optional<Id> channel = std::nullopt) {
    const auto added = store().add_watch(user, {kind, std::move(value), std::nullopt, channel});
    EXPECT_EQ(added.outcome, WatchAddOutcome::added);
    return *added.watch;
  }

  std::vector<Id> claimed_watches(const domain::HistoryItem& item) {
    std::vector<Id> ids;
    for (const auto& match : store().claim_watch_matches(item)) ids.push_back(match.watch_id);
    return ids;
  }

  Id alice_ = 0;
  Id bob_ = 0;
  int clock_ = 0;
};

}  // namespace

TEST_P(Watches, AddsEachKindAndListsThemNewestFirst) {
  const auto song = play(kRed, "Daft Punk - Around The World");
  const auto by_song =
      store().add_watch(alice_, {domain::WatchKind::song, "", song.song_id, std::nullopt});
  ASSERT_EQ(by_song.outcome, WatchAddOutcome::added);
  EXPECT_EQ(by_song.watch->value, "Daft Punk - Around The World");
  EXPECT_EQ(by_song.watch->song_id, song.song_id);
  const auto artist = add(alice_, domain::WatchKind::artist, "Beyonce", kGreen);
  EXPECT_EQ(artist.channel_id, kGreen);
  EXPECT_EQ(artist.song_id, std::nullopt);
  const auto text = add(alice_, domain::WatchKind::text, "around world");
  const auto listed = store().list_watches(alice_);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].id, text.id);
  EXPECT_EQ(listed[2].id, by_song.watch->id);
  EXPECT_TRUE(store().list_watches(bob_).empty());
}

TEST_P(Watches, TheSameWatchFoldedIsTheExistingOne) {
  const auto first = add(alice_, domain::WatchKind::artist, "Beyoncé");
  const auto again = store().add_watch(alice_, {domain::WatchKind::artist, "BEYONCE", {}, {}});
  EXPECT_EQ(again.outcome, WatchAddOutcome::existing);
  EXPECT_EQ(again.watch->id, first.id);
  EXPECT_EQ(again.watch->value, "Beyoncé") << "the first spelling stays";
  add(alice_, domain::WatchKind::artist, "Beyonce", kRed);  // another channel: another watch
  add(alice_, domain::WatchKind::text, "Beyonce");          // another kind
  add(bob_, domain::WatchKind::artist, "Beyonce");          // another user
  EXPECT_EQ(store().list_watches(alice_).size(), 3u);
}

TEST_P(Watches, RefusesUnknownSongsAndChannelsAndValuesWithNothingToMatch) {
  EXPECT_EQ(store().add_watch(alice_, {domain::WatchKind::song, "", 9999, {}}).outcome,
            WatchAddOutcome::unknown_song);
  EXPECT_EQ(store().add_watch(alice_, {domain::WatchKind::artist, "x", {}, 9999}).outcome,
            WatchAddOutcome::unknown_channel);
  EXPECT_EQ(store().add_watch(alice_, {domain::WatchKind::text, "!?", {}, {}}).outcome,
            WatchAddOutcome::nothing_to_match);
  EXPECT_TRUE(store().list_watches(alice_).empty());
}

TEST_P(Watches, AtMostOneHundredAUser) {
  for (int i = 0; i < domain::kMaxWatchesPerUser; ++i)
    add(alice_, domain::WatchKind::text, "word" + std::to_string(i));
  EXPECT_EQ(store().add_watch(alice_, {domain::WatchKind::text, "one more", {}, {}}).outcome,
            WatchAddOutcome::limit_reached);
  EXPECT_EQ(store().add_watch(alice_, {domain::WatchKind::text, "word7", {}, {}}).outcome,
            WatchAddOutcome::existing)
      << "an existing watch is still answered at the limit";
  add(bob_, domain::WatchKind::text, "one more");
}

TEST_P(Watches, RemovesOnlyTheUsersOwn) {
  const auto watch = add(alice_, domain::WatchKind::text, "halo");
  EXPECT_FALSE(store().remove_watch(bob_, watch.id));
  EXPECT_TRUE(store().remove_watch(alice_, watch.id));
  EXPECT_FALSE(store().remove_watch(alice_, watch.id));
  EXPECT_TRUE(store().list_watches(alice_).empty());
}

TEST_P(Watches, AnArtistWithoutItsDiacriticsIsClaimedOncePerAiring) {
  const auto watch = add(alice_, domain::WatchKind::artist, "Beyonce");
  const auto first = play(kRed, "Beyoncé - Halo");
  const auto matches = store().claim_watch_matches(first);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].watch_id, watch.id);
  EXPECT_EQ(matches[0].user_id, alice_);
  EXPECT_EQ(matches[0].kind, "artist");
  EXPECT_EQ(matches[0].value, "Beyonce");
  EXPECT_EQ(matches[0].item.id, first.id);
  EXPECT_EQ(matches[0].item.song_title, "Beyoncé - Halo");
  EXPECT_EQ(matches[0].item.created_at, first.created_at);
  EXPECT_EQ(matches[0].channel_name, "red");
  EXPECT_TRUE(store().claim_watch_matches(first).empty()) << "claimed once";
  play(kRed, "Someone Else - Song");
  EXPECT_EQ(claimed_watches(play(kRed, "Beyoncé - Halo")), std::vector<Id>{watch.id})
      << "the next airing is claimed again";
  EXPECT_TRUE(claimed_watches(play(kRed, "Beyoncé Knowles - Halo")).empty()) << "another artist";
}

TEST_P(Watches, SongAndTextWatchesAndTheChannelFilter) {
  const auto halo = play(kRed, "Beyoncé - Halo");
  const auto song =
      *store().add_watch(alice_, {domain::WatchKind::song, "", halo.song_id, {}}).watch;
  const auto text = add(alice_, domain::WatchKind::text, "halo beyo");
  const auto on_green = add(bob_, domain::WatchKind::text, "HALO", kGreen);
  const auto prefix_first = add(bob_, domain::WatchKind::text, "hal beyonce");
  play(kGreen, "Other - Song");
  const auto on_red = play(kRed, "Other - Song");
  EXPECT_TRUE(claimed_watches(on_red).empty());
  const auto again = play(kGreen, "Beyoncé - Halo");
  auto ids = claimed_watches(again);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<Id>{song.id, text.id, on_green.id}))
      << "only the last word is a prefix: " << prefix_first.id << " stays out";
  EXPECT_EQ(claimed_watches(play(kRed, "Beyoncé - Halo")), (std::vector<Id>{song.id, text.id}));
}

TEST_P(Watches, TheFeedListsTheUsersMatchesNewestFirst) {
  add(alice_, domain::WatchKind::artist, "Beyonce");
  add(bob_, domain::WatchKind::text, "halo");
  std::vector<Id> airings;
  for (int i = 0; i < 3; ++i) {
    const auto item = play(kRed, "Beyoncé - Halo");
    airings.push_back(item.id);
    store().claim_watch_matches(item);
    play(kRed, "Other - Song");
  }
  const auto all = store().list_watch_matches(alice_, 10, std::nullopt);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].item.id, airings[2]);
  EXPECT_EQ(all[2].item.id, airings[0]);
  const auto older = store().list_watch_matches(alice_, 1, airings[2]);
  ASSERT_EQ(older.size(), 1u);
  EXPECT_EQ(older[0].item.id, airings[1]);
}

TEST_P(Watches, FeedTokensAreKeptAsHashesAndReplaced) {
  EXPECT_EQ(store().ensure_watch_feed(alice_, "salt1", "hash1"), "salt1");
  EXPECT_EQ(store().ensure_watch_feed(alice_, "salt2", "hash2"), "salt1") << "kept";
  EXPECT_EQ(store().find_watch_feed_user("hash1"), alice_);
  EXPECT_EQ(store().find_watch_feed_user("hash2"), std::nullopt);
  store().replace_watch_feed(alice_, "salt3", "hash3");
  EXPECT_EQ(store().find_watch_feed_user("hash1"), std::nullopt);
  EXPECT_EQ(store().find_watch_feed_user("hash3"), alice_);
}

TEST_P(Watches, AWatchedSongOutlivesRetention) {
  const auto item = play(kRed, "Old - Song");
  store().add_watch(alice_, {domain::WatchKind::song, "", item.song_id, {}});
  store().remove_history_before(instant(1000), 100);
  EXPECT_TRUE(store().find_song(item.song_id).has_value());
}

TEST_P(Watches, ProcessesRacingForOneAiringClaimItOnce) {
  add(alice_, domain::WatchKind::artist, "Beyonce");
  add(bob_, domain::WatchKind::text, "halo");
  const auto item = play(kRed, "Beyoncé - Halo");
  constexpr int kProcesses = 4;
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < kProcesses; ++i) stores.push_back(harness().open());
  std::promise<void> start;
  const auto go = start.get_future().share();
  std::vector<std::future<std::size_t>> claims;
  for (auto& other : stores) {
    claims.push_back(std::async(std::launch::async, [&other, go, item] {
      go.wait();
      return other->claim_watch_matches(item).size();
    }));
  }
  start.set_value();
  std::size_t total = 0;
  for (auto& claim : claims) total += claim.get();
  EXPECT_EQ(total, 2u) << "one claim per watch, whoever won it";
}

INSTANTIATE_TEST_SUITE_P(Engines, Watches, ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace nicecream::store::test

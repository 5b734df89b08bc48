#include "unit/store/queries.hpp"
#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

// Airings at instant(0..), one title after another on red, so each is recorded.
class Retention : public StoreTest {
 protected:
  Id record(Id channel, const std::string& title, int seconds) {
    return store().record_title(channel, title, instant(seconds)).inserted->song_id;
  }

  std::vector<std::string> titles(const domain::HistoryQuery& query = Page().limit(100)) {
    std::vector<std::string> found;
    for (const auto& item : store().list_history(query)) found.push_back(item.song_title);
    return found;
  }

  domain::CatalogQuery songs_matching(const std::string& text) {
    domain::CatalogQuery query;
    query.text = text;
    return query;
  }
};

}  // namespace

TEST_P(Retention, RemovesTheItemsBeforeTheCutoffAndTheSongsTheyLeaveUnplayed) {
  const auto one = record(kRed, "Alpha - One", 0);
  const auto two = record(kRed, "Beta - Two", 10);
  record(kRed, "Alpha - One", 20);
  const auto three = record(kRed, "Gamma - Three", 100);

  const auto removed = store().remove_history_before(instant(50), 100);

  EXPECT_EQ(removed.items, 3);
  EXPECT_EQ(removed.songs, 2);
  EXPECT_EQ(titles(), std::vector<std::string>{"Gamma - Three"});
  EXPECT_FALSE(store().find_song(one));
  EXPECT_FALSE(store().find_song(two));
  EXPECT_TRUE(store().find_song(three));
  EXPECT_FALSE(store().song_detail(one)) << "its rollups went with it";
  EXPECT_TRUE(store().list_songs(songs_matching("alpha")).empty()) << "and its search entry";
  EXPECT_EQ(store().song_detail(three)->song.plays, 1);
}

TEST_P(Retention, KeepsBookmarkedSongsAndSongsStillAiring) {
  const auto user = store().upsert_user({"alice", "", "Alice", ""}).id;
  const auto bookmarked = record(kRed, "Alpha - One", 0);
  const auto still_airing = record(kRed, "Beta - Two", 10);
  record(kGreen, "Beta - Two", 100);
  store().add_bookmark(user, bookmarked);

  const auto removed = store().remove_history_before(instant(50), 100);

  EXPECT_EQ(removed.items, 2);
  EXPECT_EQ(removed.songs, 0);
  ASSERT_TRUE(store().find_song(bookmarked));
  ASSERT_TRUE(store().find_song(still_airing));
  const auto bookmarks = store().list_bookmarks(BookmarkPage(user));
  ASSERT_EQ(bookmarks.size(), 1u);
  EXPECT_EQ(bookmarks[0].song_title, "Alpha - One");
  EXPECT_EQ(store().song_detail(still_airing)->song.plays, 1);
}

TEST_P(Retention, RemovesInBatchesOldestFirst) {
  for (int i = 0; i < 5; ++i) record(kRed, "Song " + std::to_string(i), i);
  record(kRed, "Kept", 100);

  EXPECT_EQ(store().remove_history_before(instant(50), 2).items, 2);
  EXPECT_EQ(titles(), (std::vector<std::string>{"Kept", "Song 4", "Song 3", "Song 2"}));
  EXPECT_EQ(store().remove_history_before(instant(50), 2).items, 2);
  EXPECT_EQ(store().remove_history_before(instant(50), 2).items, 1);
  EXPECT_EQ(store().remove_history_before(instant(50), 2).items, 0);
  EXPECT_EQ(titles(), std::vector<std::string>{"Kept"});
}

TEST_P(Retention, RecordingGoesOnAfterwards) {
  record(kRed, "Alpha - One", 0);
  store().remove_history_before(instant(50), 100);
  const auto again = store().record_title(kRed, "Alpha - One", instant(200));
  ASSERT_TRUE(again.inserted) << "the channel's latest title went with its item";
  EXPECT_EQ(store().song_detail(again.inserted->song_id)->song.plays, 1);
  EXPECT_EQ(titles(), std::vector<std::string>{"Alpha - One"});
}

INSTANTIATE_TEST_SUITE_P(Engines, Retention, ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace nicecream::store::test

#include "store/errors.hpp"
#include "unit/store/queries.hpp"
#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

class Bookmarks : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    alice_ = store().upsert_user({"alice", "", "Alice", ""}).id;
    bob_ = store().upsert_user({"bob", "", "Bob", ""}).id;
    for (int i = 0; i < 4; ++i)
      songs_.push_back(
          store().record_title(kRed, "Song " + std::to_string(i), instant(i)).inserted->song_id);
  }

  Id alice_ = 0;
  Id bob_ = 0;
  std::vector<Id> songs_;
};

std::vector<Id> ids_of(const std::vector<domain::Bookmark>& bookmarks) {
  std::vector<Id> ids;
  for (const auto& bookmark : bookmarks) ids.push_back(bookmark.id);
  return ids;
}

}  // namespace

TEST_P(Bookmarks, AddReturnsTheBookmark) {
  const auto before = domain::now();
  const auto bookmark = store().add_bookmark(alice_, songs_[1]);
  EXPECT_GT(bookmark.id, 0);
  EXPECT_EQ(bookmark.user_id, alice_);
  EXPECT_EQ(bookmark.song_id, songs_[1]);
  EXPECT_EQ(bookmark.song_title, "Song 1");
  EXPECT_GE(bookmark.created_at, before);
}

TEST_P(Bookmarks, AddingTwiceReturnsTheExistingOne) {
  const auto first = store().add_bookmark(alice_, songs_[0]);
  const auto second = store().add_bookmark(alice_, songs_[0]);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(second.created_at, first.created_at);
  EXPECT_EQ(store().list_bookmarks(BookmarkPage(alice_)).size(), 1u);
}

TEST_P(Bookmarks, UnknownSongIsNotFound) {
  EXPECT_THROW(store().add_bookmark(alice_, 9999), NotFound);
  EXPECT_TRUE(store().list_bookmarks(BookmarkPage(alice_)).empty());
}

TEST_P(Bookmarks, ListIsTheUsersOwnNewestFirst) {
  std::vector<Id> added;
  for (const auto song : songs_) added.push_back(store().add_bookmark(alice_, song).id);
  store().add_bookmark(bob_, songs_[0]);
  const std::vector<Id> newest_first(added.rbegin(), added.rend());
  EXPECT_EQ(ids_of(store().list_bookmarks(BookmarkPage(alice_))), newest_first);
  EXPECT_EQ(ids_of(store().list_bookmarks(BookmarkPage(alice_).limit(2))),
            std::vector<Id>(newest_first.begin(), newest_first.begin() + 2));
  EXPECT_EQ(ids_of(store().list_bookmarks(BookmarkPage(alice_).offset(2).limit(2))),
            std::vector<Id>(newest_first.begin() + 2, newest_first.end()));
  EXPECT_EQ(ids_of(store().list_bookmarks(BookmarkPage(alice_).before(newest_first[1]))),
            std::vector<Id>(newest_first.begin() + 2, newest_first.end()));
  const auto bobs = store().list_bookmarks(BookmarkPage(bob_));
  ASSERT_EQ(bobs.size(), 1u);
  EXPECT_EQ(bobs[0].song_title, "Song 0");
}

TEST_P(Bookmarks, RemoveOnlyTheUsersOwn) {
  const auto alices = store().add_bookmark(alice_, songs_[2]);
  EXPECT_FALSE(store().remove_bookmark(bob_, alices.id));
  EXPECT_EQ(store().list_bookmarks(BookmarkPage(alice_)).size(), 1u);
  EXPECT_TRUE(store().remove_bookmark(alice_, alices.id));
  EXPECT_FALSE(store().remove_bookmark(alice_, alices.id));
  EXPECT_FALSE(store().remove_bookmark(alice_, 9999));
  EXPECT_TRUE(store().list_bookmarks(BookmarkPage(alice_)).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, Bookmarks, ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace nicecream::store::test

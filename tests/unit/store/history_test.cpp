#include <algorithm>
#include <vector>

#include "unit/store/queries.hpp"
#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

std::vector<Id> ids_of(const std::vector<domain::HistoryItem>& items) {
  std::vector<Id> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

// Nine items, round robin over red, green, blue; oldest first.
class HistoryPages : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    for (int i = 0; i < 9; ++i) {
      const Id channel = kRed + i % 3;
      auto outcome =
          store().record_title(channel, "Artist " + std::to_string(i) + " - Track", instant(i));
      ASSERT_TRUE(outcome.inserted);
      items_.push_back(*outcome.inserted);
    }
  }

  // Ids of the recorded items picked by `keep`, newest first.
  template <class Keep>
  std::vector<Id> newest_first(Keep keep) const {
    std::vector<Id> ids;
    for (auto item = items_.rbegin(); item != items_.rend(); ++item)
      if (keep(*item)) ids.push_back(item->id);
    return ids;
  }
  std::vector<Id> newest_first() const {
    return newest_first([](const auto&) { return true; });
  }
  std::vector<Id> newest_first_on(Id channel) const {
    return newest_first([channel](const auto& item) { return item.channel_id == channel; });
  }

  std::vector<domain::HistoryItem> items_;
};

std::vector<Id> slice(const std::vector<Id>& ids, std::size_t from, std::size_t count) {
  const auto end = std::min(ids.size(), from + count);
  return from >= end ? std::vector<Id>{} : std::vector<Id>(ids.begin() + from, ids.begin() + end);
}

}  // namespace

TEST_P(StoreTest, EmptyHistory) {
  EXPECT_TRUE(store().list_history({}).empty());
  EXPECT_EQ(store().latest_history_id(), 0);
  EXPECT_FALSE(store().latest_history(kRed));
  EXPECT_TRUE(store().history_after(0, std::nullopt, 10).empty());
}

TEST_P(HistoryPages, IdsIncreaseInRecordingOrder) {
  for (std::size_t i = 1; i < items_.size(); ++i) EXPECT_GT(items_[i].id, items_[i - 1].id);
}

TEST_P(HistoryPages, FirstPageIsNewestFirstWithAllFields) {
  const auto page = store().list_history({});
  EXPECT_EQ(ids_of(page), newest_first());
  const auto& newest = page.front();
  const auto& recorded = items_.back();
  EXPECT_EQ(newest.created_at, recorded.created_at);
  EXPECT_EQ(newest.created_at, instant(8));
  EXPECT_EQ(newest.song_id, recorded.song_id);
  EXPECT_EQ(newest.song_title, "Artist 8 - Track");
  EXPECT_EQ(newest.channel_id, kBlue);
  EXPECT_EQ(newest.bookmark_id, 0);
}

TEST_P(HistoryPages, LimitAndOffsetPage) {
  EXPECT_EQ(ids_of(store().list_history(Page().limit(4))), slice(newest_first(), 0, 4));
  EXPECT_EQ(ids_of(store().list_history(Page().offset(4).limit(4))), slice(newest_first(), 4, 4));
  EXPECT_EQ(ids_of(store().list_history(Page().offset(8).limit(4))), slice(newest_first(), 8, 4));
  EXPECT_TRUE(store().list_history(Page().offset(9)).empty());
  EXPECT_TRUE(store().list_history(Page().limit(0)).empty());
}

TEST_P(HistoryPages, BeforePagesByKey) {
  const Id before = items_[5].id;
  const auto expected = newest_first([&](const auto& item) { return item.id < before; });
  EXPECT_EQ(ids_of(store().list_history(Page().before(before))), expected);
  EXPECT_EQ(ids_of(store().list_history(Page().before(before).limit(2))), slice(expected, 0, 2));
  EXPECT_EQ(ids_of(store().list_history(Page().before(before).offset(2).limit(2))),
            slice(expected, 2, 2));
  EXPECT_TRUE(store().list_history(Page().before(items_.front().id)).empty());
}

TEST_P(HistoryPages, ChannelFilter) {
  EXPECT_EQ(ids_of(store().list_history(Page().channel(kGreen))), newest_first_on(kGreen));
  EXPECT_EQ(ids_of(store().list_history(Page().channel(kGreen).limit(2))),
            slice(newest_first_on(kGreen), 0, 2));
  EXPECT_EQ(ids_of(store().list_history(Page().channel(kGreen).offset(1).limit(1))),
            slice(newest_first_on(kGreen), 1, 1));
  const Id before = newest_first_on(kGreen)[0];
  EXPECT_EQ(ids_of(store().list_history(Page().channel(kGreen).before(before))),
            slice(newest_first_on(kGreen), 1, 10));
  EXPECT_TRUE(store().list_history(Page().channel(99)).empty());
}

TEST_P(HistoryPages, LatestPerChannelAndOverall) {
  const auto latest = store().latest_history(kGreen);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, newest_first_on(kGreen).front());
  EXPECT_EQ(latest->song_title, "Artist 7 - Track");
  EXPECT_EQ(store().latest_history_id(), items_.back().id);
}

TEST_P(HistoryPages, HistoryAfterReplaysOldestFirst) {
  const Id after = items_[2].id;
  std::vector<Id> expected;
  for (std::size_t i = 3; i < items_.size(); ++i) expected.push_back(items_[i].id);
  EXPECT_EQ(ids_of(store().history_after(after, std::nullopt, 100)), expected);
  EXPECT_EQ(ids_of(store().history_after(after, std::nullopt, 2)), slice(expected, 0, 2));
  std::vector<Id> on_red;
  for (std::size_t i = 3; i < items_.size(); ++i)
    if (items_[i].channel_id == kRed) on_red.push_back(items_[i].id);
  EXPECT_EQ(ids_of(store().history_after(after, kRed, 100)), on_red);
  EXPECT_TRUE(store().history_after(items_.back().id, std::nullopt, 100).empty());
}

TEST_P(HistoryPages, BookmarkIdIsFilledForTheViewerOnly) {
  const auto alice = store().upsert_user({"alice", "", "Alice", ""});
  const auto bob = store().upsert_user({"bob", "", "Bob", ""});
  const auto& liked = items_[4];
  const auto bookmark = store().add_bookmark(alice.id, liked.song_id);

  for (const auto& item : store().list_history(Page().viewer(alice.id)))
    EXPECT_EQ(item.bookmark_id, item.song_id == liked.song_id ? bookmark.id : 0) << item.id;
  for (const auto& item : store().list_history(Page().viewer(bob.id)))
    EXPECT_EQ(item.bookmark_id, 0);
  for (const auto& item : store().list_history({})) EXPECT_EQ(item.bookmark_id, 0);
  const auto filtered = store().list_history(Page().channel(liked.channel_id).viewer(alice.id));
  EXPECT_EQ(std::count_if(filtered.begin(), filtered.end(),
                          [&](const auto& item) { return item.bookmark_id == bookmark.id; }),
            1);

  // A page past an offset reads its rows apart from the ones it skips: the same items, the
  // viewer's bookmark on the liked one.
  const auto deep = store().list_history(Page().viewer(alice.id).offset(2).limit(5));
  EXPECT_EQ(ids_of(deep), slice(newest_first(), 2, 5));
  EXPECT_EQ(std::count_if(deep.begin(), deep.end(),
                          [&](const auto& item) { return item.bookmark_id == bookmark.id; }),
            1);
  for (const auto& item : deep) {
    const auto recorded =
        std::find_if(items_.begin(), items_.end(), [&](const auto& r) { return r.id == item.id; });
    ASSERT_NE(recorded, items_.end());
    EXPECT_EQ(item.song_title, recorded->song_title);
    EXPECT_EQ(item.created_at, recorded->created_at);
    EXPECT_EQ(item.channel_id, recorded->channel_id);
    EXPECT_EQ(item.song_id, recorded->song_id);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, HistoryPages, ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace nicecream::store::test

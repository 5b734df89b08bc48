#include <atomic>
#include <barrier>
#include <set>
#include <thread>

#include "store/errors.hpp"
#include "unit/store/queries.hpp"
#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

TEST_P(StoreTest, RecordsOnlyWhenTheTitleChanges) {
  const auto first = store().record_title(kRed, "Daft Punk - Da Funk", instant(0));
  ASSERT_TRUE(first.inserted);
  EXPECT_EQ(first.inserted->channel_id, kRed);
  EXPECT_EQ(first.inserted->song_title, "Daft Punk - Da Funk");
  EXPECT_EQ(first.inserted->created_at, instant(0));
  EXPECT_EQ(first.inserted->bookmark_id, 0);

  EXPECT_FALSE(store().record_title(kRed, "Daft Punk - Da Funk", instant(1)).inserted);
  const auto second = store().record_title(kRed, "Air - La Femme d'Argent", instant(2));
  ASSERT_TRUE(second.inserted);
  const auto again = store().record_title(kRed, "Daft Punk - Da Funk", instant(3));
  ASSERT_TRUE(again.inserted);
  EXPECT_EQ(again.inserted->song_id, first.inserted->song_id);
  EXPECT_EQ(store().list_history({}).size(), 3u);
}

TEST_P(StoreTest, SameTitleOnTwoChannelsIsOneSong) {
  const auto red = store().record_title(kRed, "Moby - Porcelain", instant(0));
  const auto green = store().record_title(kGreen, "Moby - Porcelain", instant(1));
  ASSERT_TRUE(red.inserted);
  ASSERT_TRUE(green.inserted);
  EXPECT_EQ(red.inserted->song_id, green.inserted->song_id);
}

TEST_P(StoreTest, SongKeepsArtistAndTrack) {
  const auto split = store().record_title(kRed, "Massive Attack - Teardrop", instant(0));
  const auto song = store().find_song(split.inserted->song_id);
  ASSERT_TRUE(song);
  EXPECT_EQ(song->title, "Massive Attack - Teardrop");
  EXPECT_EQ(song->artist, "Massive Attack");
  EXPECT_EQ(song->track, "Teardrop");

  const auto whole = store().record_title(kRed, "Station jingle", instant(1));
  const auto jingle = store().find_song(whole.inserted->song_id);
  EXPECT_EQ(jingle->artist, "");
  EXPECT_EQ(jingle->track, "Station jingle");
  EXPECT_FALSE(store().find_song(12345));
}

TEST_P(StoreTest, TitlesKeepTheirBytes) {
  const std::string title = "Sigur Rós - Hoppípolla 'live' \"2008\" ; DROP TABLE songs; --";
  const auto outcome = store().record_title(kRed, title, instant(0));
  EXPECT_EQ(store().find_song(outcome.inserted->song_id)->title, title);
  EXPECT_EQ(store().list_history({}).front().song_title, title);
}

TEST_P(StoreTest, RecordingOnAnUnknownChannelIsNotFound) {
  EXPECT_THROW(store().record_title(99, "Nobody - Listens", instant(0)), NotFound);
  EXPECT_TRUE(store().list_history({}).empty());
}

// Two crawlers (two stores, as two processes would have) see the same new title at once: exactly
// one of them records it, every round.
TEST_P(StoreTest, RacingRecordersInsertExactlyOnce) {
  auto other = harness().open();
  constexpr int kRounds = 25;
  std::atomic<int> inserted{0};
  std::barrier both_ready(2);
  auto recorder = [&](Store& store) {
    for (int round = 0; round < kRounds; ++round) {
      both_ready.arrive_and_wait();
      if (store.record_title(kRed, "Round " + std::to_string(round), instant(round)).inserted)
        ++inserted;
    }
  };
  {
    std::jthread a(recorder, std::ref(store()));
    std::jthread b(recorder, std::ref(*other));
  }
  EXPECT_EQ(inserted.load(), kRounds);
  const auto history = store().list_history(Page().channel(kRed).limit(100));
  ASSERT_EQ(history.size(), static_cast<std::size_t>(kRounds));
  std::set<std::string> titles;
  for (const auto& item : history) titles.insert(item.song_title);
  EXPECT_EQ(titles.size(), static_cast<std::size_t>(kRounds));
}

// Two channels that start playing the same new song at once: both record it, as one song.
TEST_P(StoreTest, RacingChannelsShareOneNewSong) {
  auto other = harness().open();
  constexpr int kRounds = 15;
  std::barrier both_ready(2);
  std::vector<Id> red_songs(kRounds);
  std::vector<Id> green_songs(kRounds);
  auto recorder = [&](Store& store, Id channel, std::vector<Id>& songs) {
    for (int round = 0; round < kRounds; ++round) {
      both_ready.arrive_and_wait();
      auto outcome = store.record_title(channel, "Shared " + std::to_string(round), instant(round));
      songs[round] = outcome.inserted ? outcome.inserted->song_id : 0;
    }
  };
  {
    std::jthread a(recorder, std::ref(store()), kRed, std::ref(red_songs));
    std::jthread b(recorder, std::ref(*other), kGreen, std::ref(green_songs));
  }
  for (int round = 0; round < kRounds; ++round) {
    EXPECT_NE(red_songs[round], 0);
    EXPECT_EQ(red_songs[round], green_songs[round]) << "round " << round;
  }
}

}  // namespace nicecream::store::test

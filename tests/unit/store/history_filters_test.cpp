#include <functional>
#include <string>
#include <vector>

#include "unit/store/store_test.hpp"

// list_history's filters (song_id, artist_id, text, from, to), each alone and combined with
// channel_id, before, offset and limit; newest first by id throughout.
namespace nicecream::store::test {

namespace {

// One airing a minute, round robin over red, green, blue; oldest first.
const std::vector<std::string> kFilteredTitles = {
    "Sigur Rós - Hoppípolla",   // 0 red
    "Sigur Ros - Glósóli",      // 1 green
    "Björk - Jóga",             // 2 blue
    "Bjork - Hyperballad",      // 3 red
    "Sigur Rós - Hoppípolla",   // 4 green
    "AC/DC - Back In Black",    // 5 blue
    "The Beatles - Let It Be",  // 6 red
    "Sigur Ros - Glósóli",      // 7 green
    "Sigur Rós - Hoppípolla",   // 8 blue
};

class HistoryFilters : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    for (std::size_t i = 0; i < kFilteredTitles.size(); ++i) {
      const Id channel = kRed + static_cast<Id>(i % 3);
      auto outcome = store().record_title(channel, kFilteredTitles[i], minute(static_cast<int>(i)));
      ASSERT_TRUE(outcome.inserted) << i;
      ids_.push_back(outcome.inserted->id);
      songs_.push_back(outcome.inserted->song_id);
    }
  }

  static domain::Timestamp minute(int index) { return instant(60 * index); }

  // The ids of the airings with these indexes (given newest first).
  std::vector<Id> ids(std::initializer_list<int> indexes) const {
    std::vector<Id> out;
    for (const int index : indexes) out.push_back(ids_[static_cast<std::size_t>(index)]);
    return out;
  }

  std::vector<Id> page(const domain::HistoryQuery& query) {
    std::vector<Id> out;
    for (const auto& item : store().list_history(query)) out.push_back(item.id);
    return out;
  }

  static domain::HistoryQuery text(std::string words) {
    domain::HistoryQuery query;
    query.text = std::move(words);
    return query;
  }

  std::vector<Id> ids_;
  std::vector<Id> songs_;
};

}  // namespace

TEST_P(HistoryFilters, SongIdKeepsThatSongsAirings) {
  domain::HistoryQuery query;
  query.song_id = songs_[0];
  EXPECT_EQ(page(query), ids({8, 4, 0}));
  query.channel_id = kGreen;
  EXPECT_EQ(page(query), ids({4}));
  query.song_id = 999999;
  EXPECT_TRUE(page(query).empty());
}

// Sigur Rós is 0, 1, 4, 7 and 8 under two spellings; Björk 2 and 3.
TEST_P(HistoryFilters, ArtistIdKeepsItsSongsUnderEverySpelling) {
  const auto sigur = store().list_artists({std::string("sigur ros"), 0, 10});
  const auto bjork = store().list_artists({std::string("bjork"), 0, 10});
  ASSERT_EQ(sigur.size(), 1u);
  ASSERT_EQ(bjork.size(), 1u);
  domain::HistoryQuery query;
  query.artist_id = sigur[0].id;
  EXPECT_EQ(page(query), ids({8, 7, 4, 1, 0}));
  query.channel_id = kGreen;
  EXPECT_EQ(page(query), ids({7, 4, 1}));
  query.channel_id.reset();
  query.from = minute(2);
  query.to = minute(8);
  EXPECT_EQ(page(query), ids({7, 4}));
  query.from.reset();
  query.to.reset();
  query.before = ids_[7];
  query.offset = 1;
  query.limit = 2;
  EXPECT_EQ(page(query), ids({1, 0}));

  query = text("glosoli");
  query.artist_id = sigur[0].id;
  EXPECT_EQ(page(query), ids({7, 1}));
  query.artist_id = bjork[0].id;
  EXPECT_TRUE(page(query).empty());

  query = {};
  query.artist_id = sigur[0].id;
  query.song_id = songs_[0];
  EXPECT_EQ(page(query), ids({8, 4, 0}));
  query.song_id = songs_[2];  // Björk's
  EXPECT_TRUE(page(query).empty());
  query.artist_id = bjork[0].id;
  EXPECT_EQ(page(query), ids({2}));

  query = {};
  query.artist_id = bjork[0].id;
  EXPECT_EQ(page(query), ids({3, 2}));
  query.artist_id = 999999;
  EXPECT_TRUE(page(query).empty());
}

TEST_P(HistoryFilters, FromIsInclusiveAndToExclusive) {
  domain::HistoryQuery query;
  query.from = minute(2);
  query.to = minute(6);
  EXPECT_EQ(page(query), ids({5, 4, 3, 2}));
  query.from = minute(2) + std::chrono::microseconds{1};
  EXPECT_EQ(page(query), ids({5, 4, 3}));
  query.to = minute(6) + std::chrono::microseconds{1};
  EXPECT_EQ(page(query), ids({6, 5, 4, 3}));
}

TEST_P(HistoryFilters, OnlyFromOrOnlyTo) {
  domain::HistoryQuery query;
  query.from = minute(7);
  EXPECT_EQ(page(query), ids({8, 7}));
  query = {};
  query.to = minute(1);
  EXPECT_EQ(page(query), ids({0}));
}

TEST_P(HistoryFilters, WhatWasPlayingOnAChannelAtAMoment) {
  domain::HistoryQuery query;
  query.channel_id = kRed;
  query.to = minute(5);  // red played #3 at minute 3 and #6 at minute 6
  query.limit = 1;
  EXPECT_EQ(page(query), ids({3}));
  query.to = minute(3);  // exclusive: #3 had not started
  EXPECT_EQ(page(query), ids({0}));
  query.to = minute(0);
  EXPECT_TRUE(page(query).empty());
}

TEST_P(HistoryFilters, TimeWindowPagesWithBeforeAndOffset) {
  domain::HistoryQuery query;
  query.from = minute(1);
  query.to = minute(8);
  query.limit = 3;
  EXPECT_EQ(page(query), ids({7, 6, 5}));
  query.before = ids_[5];
  EXPECT_EQ(page(query), ids({4, 3, 2}));
  query.before.reset();
  query.offset = 5;
  EXPECT_EQ(page(query), ids({2, 1}));
}

TEST_P(HistoryFilters, TimeWindowOnAChannelPages) {
  domain::HistoryQuery query;
  query.channel_id = kGreen;
  query.from = minute(0);
  query.to = minute(9);
  query.limit = 2;
  EXPECT_EQ(page(query), ids({7, 4}));
  query.before = ids_[4];
  EXPECT_EQ(page(query), ids({1}));
}

// Out of time order (a backdated airing) the pages are still newest first by id.
TEST_P(HistoryFilters, TimeWindowStaysInIdOrderWhenTimesAreNot) {
  auto late = store().record_title(kRed, "Late - Backdated", minute(1) + std::chrono::seconds{30});
  ASSERT_TRUE(late.inserted);
  domain::HistoryQuery query;
  query.from = minute(1);
  query.to = minute(3);
  EXPECT_EQ(page(query), (std::vector<Id>{late.inserted->id, ids_[2], ids_[1]}));
  query.before = late.inserted->id;
  query.limit = 1;
  EXPECT_EQ(page(query), ids({2}));
}

TEST_P(HistoryFilters, TextMatchesEveryWordFoldingCaseAndDiacritics) {
  EXPECT_EQ(page(text("sigur ros")), ids({8, 7, 4, 1, 0}));
  EXPECT_EQ(page(text("SIGUR RÓS")), ids({8, 7, 4, 1, 0}));
  EXPECT_EQ(page(text("bjork")), ids({3, 2}));
  EXPECT_EQ(page(text("Björk")), ids({3, 2}));
  EXPECT_EQ(page(text("glosoli")), ids({7, 1}));
  EXPECT_EQ(page(text("sigur bjork")), std::vector<Id>{});
}

// Every word whole except the last, which is a prefix of a title word.
TEST_P(HistoryFilters, LastWordIsAPrefixEarlierWordsAreWhole) {
  EXPECT_EQ(page(text("sigur ros hopp")), ids({8, 4, 0}));
  EXPECT_EQ(page(text("sig")), ids({8, 7, 4, 1, 0}));
  EXPECT_TRUE(page(text("sig ros")).empty());
  EXPECT_EQ(page(text("hoppipolla sig")), ids({8, 4, 0}));  // word order is free
  EXPECT_TRUE(page(text("igur")).empty());                  // a prefix, not any substring
}

TEST_P(HistoryFilters, TextCombinesWithChannelTimeBeforeAndOffset) {
  domain::HistoryQuery query = text("sigur");
  query.channel_id = kGreen;
  EXPECT_EQ(page(query), ids({7, 4, 1}));
  query.from = minute(2);
  EXPECT_EQ(page(query), ids({7, 4}));
  query.to = minute(7);
  EXPECT_EQ(page(query), ids({4}));

  query = text("sigur");
  query.before = ids_[8];
  EXPECT_EQ(page(query), ids({7, 4, 1, 0}));
  query.offset = 1;
  query.limit = 2;
  EXPECT_EQ(page(query), ids({4, 1}));
  query.before.reset();
  EXPECT_EQ(page(query), ids({7, 4}));
}

TEST_P(HistoryFilters, TextAndSongIdTogether) {
  domain::HistoryQuery query = text("hoppipolla");
  query.song_id = songs_[0];
  EXPECT_EQ(page(query), ids({8, 4, 0}));
  query.song_id = songs_[1];
  EXPECT_TRUE(page(query).empty());
}

TEST_P(HistoryFilters, TextWithoutWordsMatchesNothing) {
  EXPECT_TRUE(page(text("")).empty());
  EXPECT_TRUE(page(text("   ")).empty());
  EXPECT_TRUE(page(text(" - * ( ) \" ^ : ")).empty());
}

TEST_P(HistoryFilters, ViewerBookmarksStillFilledOnFilteredPages) {
  const auto user = store().upsert_user({"sub-1", "", "", ""});
  const auto bookmark = store().add_bookmark(user.id, songs_[5]);
  domain::HistoryQuery query = text("back in bl");
  query.viewer_user_id = user.id;
  const auto items = store().list_history(query);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].bookmark_id, bookmark.id);
}

// Past 2,000 matching songs PostgreSQL finds a page another way (it walks the history down its ids
// and tests each airing's song, against the gathered matches or by looking the song up, instead
// of paging each song's airings); the page is the same. 2,100 songs match the prefix, every fifth
// airing between them does not, and one matching song airs again at the end.
class ThousandsOfMatchingSongs : public HistoryFilters {
 protected:
  static constexpr int kMatchingSongs = 2100;

  void add(Id channel, const std::string& title, domain::Timestamp at) {
    const auto outcome = store().record_title(channel, title, at);
    ASSERT_TRUE(outcome.inserted) << title;
    matching_.push_back(outcome.inserted->id);
    if (channel == kBlue) matching_blue_.push_back(outcome.inserted->id);
  }

  // The matching songs, the i-th titled `title(i)`, every fifth followed by a song that does not
  // match.
  void record_matching(const std::function<std::string(int)>& title) {
    for (int i = 0; i < kMatchingSongs; ++i) {
      const Id channel = kRed + i % 3;
      const auto at = minute(100 + 2 * i);
      add(channel, title(i), at);
      if (i % 5 != 0) continue;
      const auto other = store().record_title(channel, "Other " + std::to_string(i) + " - Song",
                                              at + std::chrono::seconds{1});
      ASSERT_TRUE(other.inserted) << i;
    }
  }

  // `filler` more songs that do not match air after the matching ones and before the last airing.
  void record(int filler, const std::string& filler_words) {
    record_matching([](int i) { return "Kakemono " + std::to_string(i) + " - Scroll"; });
    const int after = 100 + 2 * kMatchingSongs;
    for (int i = 0; i < filler; ++i) {
      const auto title = "Filler " + std::to_string(i) + " - " + filler_words;
      ASSERT_TRUE(store().record_title(kRed + i % 3, title, minute(after + i)).inserted) << i;
    }
    add(kBlue, "Kakemono 7 - Scroll", minute(after + filler));  // an earlier song again
  }

  static std::vector<Id> slice(const std::vector<Id>& ids, std::size_t from, std::size_t count) {
    return std::vector<Id>(ids.begin() + static_cast<std::ptrdiff_t>(from),
                           ids.begin() + static_cast<std::ptrdiff_t>(from + count));
  }

  // Every matching airing through `query`'s pages, by keyset and by offset, down to the oldest;
  // then one channel's before the 31st song.
  void expect_deep_pages(domain::HistoryQuery query) {
    const std::vector<Id> newest(matching_.rbegin(), matching_.rend());
    query.limit = 50;
    EXPECT_EQ(page(query), slice(newest, 0, 50));
    query.before = newest[49];
    EXPECT_EQ(page(query), slice(newest, 50, 50));
    query.before.reset();
    // From 1,000 airings deep PostgreSQL gathers every match, however many.
    for (const int offset : {500, 1000, 2050}) {
      query.offset = offset;
      EXPECT_EQ(page(query), slice(newest, static_cast<std::size_t>(offset), 50)) << offset;
    }

    const std::vector<Id> newest_blue(matching_blue_.rbegin(), matching_blue_.rend());
    query.offset = 0;
    query.channel_id = kBlue;
    query.to = minute(100 + 2 * 30);  // the airings before the 31st song
    EXPECT_EQ(page(query), slice(newest_blue, newest_blue.size() - 10, 10));
  }

  void expect_pages() {
    expect_deep_pages(text("kakem"));

    domain::HistoryQuery query = text("scroll kakemono");
    query.channel_id = kBlue;
    query.limit = 20;
    const std::vector<Id> newest_blue(matching_blue_.rbegin(), matching_blue_.rend());
    EXPECT_EQ(page(query), slice(newest_blue, 0, 20));

    // The song search finds its most played matches the same two ways.
    const auto songs = store().list_songs({std::string("kakem"), 0, 10});
    ASSERT_EQ(songs.size(), 10u);
    for (const auto& song : songs) EXPECT_TRUE(song.title.starts_with("Kakemono ")) << song.title;
    const auto again = store().list_songs({std::string("kakemono 7 scroll"), 0, 1});
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].title, "Kakemono 7 - Scroll");
    EXPECT_EQ(again[0].plays, 2);
  }

  std::vector<Id> matching_;       // oldest first
  std::vector<Id> matching_blue_;  // oldest first
};

// Most songs match: PostgreSQL gathers them and tests each airing against that set.
TEST_P(ThousandsOfMatchingSongs, PageAsAFewDo) {
  record(0, "");
  expect_pages();
}

// The matches are a small share of a table many times their size: PostgreSQL, judging them too
// many to gather (from how far into the table the first 200 were found), looks up each airing's
// song instead. The filler rows are long enough for a few to fill a block of the table but short
// enough to stay in it uncompressed.
TEST_P(ThousandsOfMatchingSongs, AmongManyMoreSongsPageAsAFewDo) {
  record(1000, std::string(290, 'x') + " " + std::string(290, 'y'));
  expect_pages();
}

// One artist's 2,100 songs, every fifth airing between them another artist's: the artist filter
// pages the way the text filter does past as many matching songs (SQLite and PostgreSQL walk the
// ids and test each airing's song instead of paging each song's airings).
TEST_P(ThousandsOfMatchingSongs, AnArtistsThousandsOfSongsPageAsAFewDo) {
  record_matching([](int i) { return "Kakemono - Scroll " + std::to_string(i); });
  const auto artists = store().list_artists({std::string("kakemono"), 0, 10});
  ASSERT_EQ(artists.size(), 1u);
  ASSERT_EQ(artists[0].songs, kMatchingSongs);

  domain::HistoryQuery query;
  query.artist_id = artists[0].id;
  expect_deep_pages(query);

  query = text("scroll 7");
  query.artist_id = artists[0].id;
  query.limit = 100;
  const auto scrolls = page(query);  // 100 of the 111 songs 7, 70-79 and 700-799
  ASSERT_EQ(scrolls.size(), 100u);
  EXPECT_EQ(scrolls.front(), matching_[799]);
}

INSTANTIATE_TEST_SUITE_P(Engines, ThousandsOfMatchingSongs,
                         ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

INSTANTIATE_TEST_SUITE_P(Engines, HistoryFilters,
                         ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace nicecream::store::test

#include <algorithm>
#include <chrono>
#include <limits>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "unit/store/store_test.hpp"

// Songs, artists, quarter-hour plays and charts (domain/catalog.hpp), read from the rollups that
// recording keeps; and the rollups themselves: exact after a channel's removal and under
// concurrent recording.
namespace nicecream::store::test {

namespace {

using namespace std::chrono_literals;

// A quarter-hour boundary (2026-11-27 19:00 UTC) and times `minutes` from it.
domain::Timestamp at(int minutes) {
  return domain::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 27}} + 19h +
         std::chrono::minutes{minutes};
}

domain::CatalogQuery catalog(std::optional<std::string> text = std::nullopt, int limit = 50,
                             std::int64_t offset = 0) {
  domain::CatalogQuery query;
  query.text = std::move(text);
  query.limit = limit;
  query.offset = offset;
  return query;
}

std::vector<std::string> titles_of(const std::vector<domain::SongSummary>& songs) {
  std::vector<std::string> titles;
  for (const auto& song : songs) titles.push_back(song.title);
  return titles;
}

std::vector<std::string> names_of(const std::vector<domain::ChartEntry>& entries) {
  std::vector<std::string> names;
  for (const auto& entry : entries) names.push_back(entry.name);
  return names;
}

// The same rollup check on both engines: every rollup row equals what history says, and every
// song, artist and slot in history has its row. Written as inserts into a table whose CHECK
// fails on a mismatch, since the harness runs SQL without reading answers.
class RollupCheck {
 public:
  explicit RollupCheck(Engine engine)
      : slot_(engine == Engine::postgres
                  ? std::string("nicecream_slot(h.created_at)")
                  : std::string("(CASE WHEN h.created_at >= 0 THEN h.created_at / 900000000"
                                " ELSE (h.created_at - 899999999) / 900000000 END)")),
        week_(
            "(CASE WHEN h.created_at >= 0 THEN h.created_at / 604800000000"
            " ELSE (h.created_at - 604799999999) / 604800000000 END)"),
        engine_(engine) {}

  std::vector<std::string> statements() const {
    const std::string by_artist =
        "FROM history AS h JOIN songs AS s ON s.id = h.song_id WHERE s.artist_id IS NOT NULL";
    return {
        "CREATE TABLE IF NOT EXISTS rollup_check (rollup TEXT, mismatches INTEGER"
        " CHECK (mismatches = 0))",
        check("song_plays",
              "SELECT count(*) FROM song_plays AS p LEFT JOIN (SELECT song_id, count(*) AS n,"
              " min(created_at) AS f, max(created_at) AS l FROM history GROUP BY song_id) AS h"
              " ON h.song_id = p.song_id WHERE h.n IS NULL OR h.n <> p.plays"
              " OR h.f <> p.first_played_at OR h.l <> p.last_played_at",
              "SELECT count(DISTINCT song_id) FROM history", "SELECT count(*) FROM song_plays"),
        channel_check(),
        check("song_slot_plays",
              "SELECT count(*) FROM song_slot_plays AS p LEFT JOIN (SELECT h.song_id, " + slot_ +
                  " AS slot, h.channel_id, count(*) AS n FROM history AS h GROUP BY h.song_id, " +
                  slot_ +
                  ", h.channel_id) AS h ON h.song_id = p.song_id AND h.slot = p.slot"
                  " AND h.channel_id = p.channel_id WHERE h.n IS NULL OR h.n <> p.plays",
              "SELECT count(*) FROM (SELECT DISTINCT h.song_id, " + slot_ +
                  ", h.channel_id FROM history AS h) AS d",
              "SELECT count(*) FROM song_slot_plays"),
        check("artist_plays",
              "SELECT count(*) FROM artist_plays AS p LEFT JOIN (SELECT s.artist_id,"
              " count(DISTINCT h.song_id) AS songs, count(*) AS n, max(h.created_at) AS l " +
                  by_artist +
                  " GROUP BY s.artist_id) AS h ON h.artist_id = p.artist_id"
                  " WHERE h.n IS NULL OR h.n <> p.plays OR h.songs <> p.songs"
                  " OR h.l <> p.last_played_at",
              "SELECT count(DISTINCT s.artist_id) " + by_artist,
              "SELECT count(*) FROM artist_plays"),
        check("artist_slot_plays",
              "SELECT count(*) FROM artist_slot_plays AS p LEFT JOIN (SELECT s.artist_id, " +
                  slot_ + " AS slot, h.channel_id, count(*) AS n " + by_artist +
                  " GROUP BY s.artist_id, " + slot_ +
                  ", h.channel_id) AS h ON h.artist_id = p.artist_id AND h.slot = p.slot"
                  " AND h.channel_id = p.channel_id WHERE h.n IS NULL OR h.n <> p.plays",
              "SELECT count(*) FROM (SELECT DISTINCT s.artist_id, " + slot_ + ", h.channel_id " +
                  by_artist + ") AS d",
              "SELECT count(*) FROM artist_slot_plays"),
        week_check(),
    };
  }

 private:
  // PostgreSQL keeps a song's plays per channel; SQLite sums them from its weeks.
  std::string channel_check() const {
    if (engine_ == Engine::sqlite)
      return check("song_week_plays",
                   "SELECT count(*) FROM song_week_plays AS p LEFT JOIN (SELECT h.song_id, " +
                       week_ +
                       " AS week, h.channel_id, count(*) AS n, max(h.created_at) AS l FROM"
                       " history AS h GROUP BY h.song_id, " +
                       week_ +
                       ", h.channel_id) AS h ON h.song_id = p.song_id AND h.week = p.week"
                       " AND h.channel_id = p.channel_id"
                       " WHERE h.n IS NULL OR h.n <> p.plays OR h.l <> p.last_played_at",
                   "SELECT count(*) FROM (SELECT DISTINCT h.song_id, " + week_ +
                       ", h.channel_id FROM history AS h) AS d",
                   "SELECT count(*) FROM song_week_plays");
    return check("song_channel_plays",
                 "SELECT count(*) FROM song_channel_plays AS p LEFT JOIN (SELECT song_id,"
                 " channel_id, count(*) AS n, max(created_at) AS l FROM history"
                 " GROUP BY song_id, channel_id) AS h ON h.song_id = p.song_id"
                 " AND h.channel_id = p.channel_id"
                 " WHERE h.n IS NULL OR h.n <> p.plays OR h.l <> p.last_played_at",
                 "SELECT count(*) FROM (SELECT DISTINCT song_id, channel_id FROM history) AS d",
                 "SELECT count(*) FROM song_channel_plays");
  }

  // SQLite's artist charts read artist weeks by channel; PostgreSQL's charts read song and
  // artist weeks over all channels.
  std::string week_check() const {
    if (engine_ == Engine::postgres) return postgres_week_check();
    const std::string by_artist =
        "FROM history AS h JOIN songs AS s ON s.id = h.song_id WHERE s.artist_id IS NOT NULL";
    return check("artist_week_plays",
                 "SELECT count(*) FROM artist_week_plays AS p LEFT JOIN (SELECT s.artist_id, " +
                     week_ + " AS week, h.channel_id, count(*) AS n " + by_artist +
                     " GROUP BY s.artist_id, " + week_ +
                     ", h.channel_id) AS h ON h.artist_id = p.artist_id AND h.week = p.week"
                     " AND h.channel_id = p.channel_id WHERE h.n IS NULL OR h.n <> p.plays",
                 "SELECT count(*) FROM (SELECT DISTINCT s.artist_id, " + week_ + ", h.channel_id " +
                     by_artist + ") AS d",
                 "SELECT count(*) FROM artist_week_plays");
  }

  static std::string postgres_week_check() {
    const std::string week = "nicecream_week(nicecream_slot(h.created_at))";
    const auto of = [&](const std::string& rollup, const std::string& subject,
                        const std::string& from) {
      return check(
          rollup,
          "SELECT count(*) FROM " + rollup + " AS p LEFT JOIN (SELECT " + subject +
              " AS subject, " + week + " AS week, count(*) AS n " + from +
              " GROUP BY 1, 2)"
              " AS h ON h.subject = p." +
              subject +
              " AND h.week = p.week"
              " WHERE h.n IS NULL OR h.n <> p.plays",
          "SELECT count(*) FROM (SELECT DISTINCT " + subject + ", " + week + " " + from + ") AS d",
          "SELECT count(*) FROM " + rollup);
    };
    return of("song_week_plays", "song_id", "FROM history AS h") + "; " +
           of("artist_week_plays", "artist_id",
              "FROM history AS h JOIN songs AS s ON s.id = h.song_id"
              " WHERE s.artist_id IS NOT NULL");
  }

  // Rows that disagree, plus the difference in row counts (rows missing from the rollup).
  static std::string check(const std::string& rollup, const std::string& wrong_rows,
                           const std::string& expected_rows, const std::string& rollup_rows) {
    return "INSERT INTO rollup_check (rollup, mismatches) VALUES ('" + rollup + "', (" +
           wrong_rows + ") + abs((" + expected_rows + ") - (" + rollup_rows + ")))";
  }

  std::string slot_;
  std::string week_;
  Engine engine_;
};

class CatalogTest : public StoreTest {
 protected:
  // Records an airing; the title must differ from the channel's latest.
  domain::HistoryItem play(Id channel, const std::string& title, domain::Timestamp when) {
    auto outcome = store().record_title(channel, title, when);
    EXPECT_TRUE(outcome.inserted) << title;
    return outcome.inserted.value_or(domain::HistoryItem{});
  }

  void expect_rollups_exact() {
    for (const auto& statement : RollupCheck(GetParam()).statements())
      EXPECT_NO_THROW(harness().run_sql(statement)) << statement;
  }

  domain::ChartQuery window(int from_minutes, int to_minutes,
                            domain::ChartSubject by = domain::ChartSubject::song) {
    domain::ChartQuery query;
    query.by = by;
    query.from = at(from_minutes);
    query.to = at(to_minutes);
    return query;
  }
};

}  // namespace

TEST_P(CatalogTest, SongsMostPlayedFirstWithTheirAirings) {
  play(kRed, "Bravo - Song", at(0));
  play(kRed, "Alpha - Song", at(5));
  play(kRed, "Bravo - Song", at(10));
  play(kGreen, "Bravo - Song", at(20));
  play(kBlue, "Charlie - Tune", at(30));
  play(kBlue, "Alpha - Song", at(40));

  const auto songs = store().list_songs(catalog());
  ASSERT_EQ(titles_of(songs),
            (std::vector<std::string>{"Bravo - Song", "Alpha - Song", "Charlie - Tune"}));
  EXPECT_EQ(songs[0].plays, 3);
  EXPECT_EQ(songs[0].first_played_at, at(0));
  EXPECT_EQ(songs[0].last_played_at, at(20));
  EXPECT_EQ(songs[1].plays, 2);
  EXPECT_EQ(songs[0].artist, "Bravo");
  EXPECT_EQ(songs[0].track, "Song");
  EXPECT_TRUE(songs[0].artist_id);

  EXPECT_EQ(titles_of(store().list_songs(catalog(std::nullopt, 1, 1))),
            (std::vector<std::string>{"Alpha - Song"}));
  // Past an offset, each song of the page with its own plays and airings.
  const auto deeper = store().list_songs(catalog(std::nullopt, 5, 1));
  ASSERT_EQ(titles_of(deeper), (std::vector<std::string>{"Alpha - Song", "Charlie - Tune"}));
  EXPECT_EQ(deeper[0].plays, 2);
  EXPECT_EQ(deeper[0].first_played_at, at(5));
  EXPECT_EQ(deeper[0].last_played_at, at(40));
  EXPECT_EQ(deeper[1].plays, 1);
  EXPECT_EQ(deeper[1].artist, "Charlie");
  EXPECT_TRUE(store().list_songs(catalog(std::nullopt, 10, 3)).empty());
  EXPECT_TRUE(store().list_songs(catalog(std::nullopt, 0)).empty());
}

TEST_P(CatalogTest, SearchedSongsByRelevanceThenPlays) {
  play(kRed, "Sigur Rós - Hoppípolla", at(0));
  for (int i = 0; i < 3; ++i) {
    play(kGreen, "Various Artists - Hoppipolla and other songs of a long Icelandic summer",
         at(10 * i));
    play(kGreen, "Filler - Between", at(10 * i + 5));
  }
  play(kBlue, "Alpha - Song", at(0));
  play(kBlue, "Bravo - Song", at(5));
  play(kBlue, "Alpha - Song", at(10));
  play(kRed, "Bravo - Song", at(15));
  play(kRed, "Bravo - Song Other", at(20));
  play(kRed, "Bravo - Song", at(25));

  // The shorter title matches more closely, though it has fewer plays.
  EXPECT_EQ(titles_of(store().list_songs(catalog("HOPPIPOLLA"))),
            (std::vector<std::string>{"Sigur Rós - Hoppípolla",
                                      "Various Artists - Hoppipolla and other songs of a long "
                                      "Icelandic summer"}));
  EXPECT_EQ(titles_of(store().list_songs(catalog("sigur ros hopp"))),
            (std::vector<std::string>{"Sigur Rós - Hoppípolla"}));
  // Equally relevant: most played first.
  const auto songs = store().list_songs(catalog("song", 2));
  EXPECT_EQ(titles_of(songs), (std::vector<std::string>{"Bravo - Song", "Alpha - Song"}));
  EXPECT_EQ(titles_of(store().list_songs(catalog("son", 1, 1))),
            (std::vector<std::string>{"Alpha - Song"}));
  EXPECT_TRUE(store().list_songs(catalog("nowhere")).empty());
  EXPECT_TRUE(store().list_songs(catalog("\"*-^()")).empty());
}

// A word in more titles than relevance is scored for (4,000 on SQLite; any number on
// PostgreSQL): relevance is ranked among the 200 most played matches only, the tightest title
// first, and the pages end there.
TEST_P(CatalogTest, ACommonWordRanksItsMostPlayedMatchesOnly) {
  const bool postgres = GetParam() == Engine::postgres;
  const auto songs = std::to_string(postgres ? 500 : 4001);
  const auto micros = at(0).time_since_epoch().count();
  const auto when = postgres ? "to_timestamp(" + std::to_string(micros) + " / 1000000.0)"
                             : std::to_string(micros);
  harness().run_sql(
      postgres
          ? "INSERT INTO songs (title, artist, track) SELECT 'Common - Word ' || i, 'Common',"
            " 'Word ' || i FROM generate_series(1, " +
                songs + ") AS i"
          : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + songs +
                ")"
                " INSERT INTO songs (title, artist, track) SELECT 'Common - Word ' || i,"
                " 'Common', 'Word ' || i FROM n");
  // Every one played once, the first 300 twice.
  harness().run_sql("INSERT INTO history (created_at, song_id, channel_id) SELECT " + when +
                    ", id, 1 FROM songs WHERE title LIKE 'Common - Word %'");
  harness().run_sql("INSERT INTO history (created_at, song_id, channel_id) SELECT " + when +
                    ", id, 2 FROM songs WHERE title LIKE 'Common - Word %' ORDER BY id LIMIT 300");
  play(kBlue, "Common - X", at(1));
  play(kBlue, "Common - Word 1", at(2));
  play(kBlue, "Common - X", at(3));
  play(kBlue, "Common - Word 2", at(4));
  play(kBlue, "Common - X", at(5));
  play(kBlue, "Common - Rare Gem", at(6));  // once: 300 others are played more

  const auto first = store().list_songs(catalog("common", 100));
  ASSERT_EQ(first.size(), 100u);
  EXPECT_EQ(first.front().title, "Common - X");
  EXPECT_EQ(first.front().plays, 3);
  const auto second = store().list_songs(catalog("common", 100, 100));
  EXPECT_EQ(second.size(), 100u);
  EXPECT_TRUE(store().list_songs(catalog("common", 100, 200)).empty());
  for (const auto* page : {&first, &second})
    for (const auto& song : *page) {
      EXPECT_GE(song.plays, 2) << song.title;
      EXPECT_NE(song.title, "Common - Rare Gem");
    }
  // A rarer word is still ranked among all its matches.
  EXPECT_EQ(titles_of(store().list_songs(catalog("rare gem"))),
            (std::vector<std::string>{"Common - Rare Gem"}));
}

TEST_P(CatalogTest, SongDetailWithItsChannels) {
  play(kGreen, "Alpha - Song", at(0));
  play(kRed, "Alpha - Song", at(5));
  play(kGreen, "Bravo - Song", at(10));
  const auto last = play(kGreen, "Alpha - Song", at(15));

  const auto detail = store().song_detail(last.song_id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->song.title, "Alpha - Song");
  EXPECT_EQ(detail->song.plays, 3);
  EXPECT_EQ(detail->song.first_played_at, at(0));
  EXPECT_EQ(detail->song.last_played_at, at(15));
  ASSERT_EQ(detail->channels.size(), 2u);
  EXPECT_EQ(detail->channels[0].channel_id, kRed);
  EXPECT_EQ(detail->channels[0].plays, 1);
  EXPECT_EQ(detail->channels[0].last_played_at, at(5));
  EXPECT_EQ(detail->channels[1].channel_id, kGreen);
  EXPECT_EQ(detail->channels[1].plays, 2);
  EXPECT_EQ(detail->channels[1].last_played_at, at(15));

  EXPECT_FALSE(store().song_detail(last.song_id + 1000));
  EXPECT_FALSE(store().song_detail(0));
  EXPECT_FALSE(store().song_detail(-1));
}

TEST_P(CatalogTest, SlotPlaysOfOneSongWithinBounds) {
  const Id song = play(kRed, "Alpha - Song", at(-1)).song_id;  // the slot before the range
  play(kRed, "Bravo - Song", at(0));
  play(kGreen, "Alpha - Song", at(0));  // first slot: 0..14
  play(kRed, "Alpha - Song", at(14));
  play(kBlue, "Alpha - Song", at(16));  // second slot
  play(kBlue, "Bravo - Song", at(20));
  play(kBlue, "Alpha - Song", at(60));  // the range's end: excluded

  const auto slots = store().song_plays_by_slot(song, at(0), at(60));
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0].slot_start, at(0));
  EXPECT_EQ(slots[0].plays, 2);
  EXPECT_EQ(slots[1].slot_start, at(15));
  EXPECT_EQ(slots[1].plays, 1);

  const auto wide = store().song_plays_by_slot(song, at(-15), at(75));
  ASSERT_EQ(wide.size(), 4u);
  EXPECT_EQ(wide.front().slot_start, at(-15));
  EXPECT_EQ(wide.back().slot_start, at(60));
  EXPECT_TRUE(store().song_plays_by_slot(song, at(30), at(60)).empty());
  EXPECT_TRUE(store().song_plays_by_slot(song + 1000, at(-60), at(120)).empty());
}

TEST_P(CatalogTest, SlotPlaysOfOneArtistAddUpItsSongsAndSpellings) {
  play(kRed, "Sigur Rós - Hoppípolla", at(-1));  // the slot before the range
  play(kGreen, "Sigur Rós - Hoppípolla", at(0));
  play(kRed, "Sigur Ros - Glósóli", at(5));  // another song, another spelling: first slot
  play(kBlue, "Other - Song", at(6));
  play(kRed, "sigur  ros - Sæglópur", at(16));   // second slot
  play(kRed, "Sigur Rós - Hoppípolla", at(60));  // the range's end: excluded

  const auto artists = store().list_artists(catalog("sigur ros"));
  ASSERT_EQ(artists.size(), 1u);
  const Id artist = artists.front().id;
  const auto slots = store().artist_plays_by_slot(artist, at(0), at(60));
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0].slot_start, at(0));
  EXPECT_EQ(slots[0].plays, 2);
  EXPECT_EQ(slots[1].slot_start, at(15));
  EXPECT_EQ(slots[1].plays, 1);

  const auto wide = store().artist_plays_by_slot(artist, at(-15), at(75));
  ASSERT_EQ(wide.size(), 4u);
  EXPECT_EQ(wide.front().slot_start, at(-15));
  EXPECT_EQ(wide.back().slot_start, at(60));
  EXPECT_TRUE(store().artist_plays_by_slot(artist, at(30), at(60)).empty());
  EXPECT_TRUE(store().artist_plays_by_slot(artist + 1000, at(-60), at(120)).empty());
}

TEST_P(CatalogTest, ArtistsGroupSpellingsUnderTheMostSeen) {
  play(kRed, "Sigur Ros - Glósóli", at(0));
  play(kRed, "Sigur Rós - Hoppípolla", at(5));
  play(kRed, "sigur  ros - Svefn-g-englar", at(10));
  play(kRed, "Sigur Rós - Sæglópur", at(15));
  play(kRed, "Sigur Rós - Hoppípolla", at(20));
  play(kGreen, "Other - Song", at(0));
  play(kRed, "No separator here", at(25));

  const auto artists = store().list_artists(catalog());
  ASSERT_EQ(artists.size(), 2u);
  EXPECT_EQ(artists[0].name, "Sigur Rós");
  EXPECT_EQ(artists[0].songs, 4);
  EXPECT_EQ(artists[0].plays, 5);
  EXPECT_EQ(artists[0].last_played_at, at(20));
  EXPECT_EQ(artists[1].name, "Other");

  EXPECT_EQ(store().list_artists(catalog("SIGUR rós")).size(), 1u);
  EXPECT_EQ(store().list_artists(catalog("sig")).size(), 1u);
  EXPECT_TRUE(store().list_artists(catalog("glosoli")).empty());  // titles are not artists
  const auto past_first = store().list_artists(catalog(std::nullopt, 1, 1));
  ASSERT_EQ(past_first.size(), 1u);
  EXPECT_EQ(past_first.front().name, "Other");
  EXPECT_EQ(past_first.front().plays, 1);
  EXPECT_EQ(past_first.front().songs, 1);

  const auto detail = store().artist_detail(artists[0].id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->artist.name, "Sigur Rós");
  EXPECT_EQ(detail->artist.plays, 5);
  ASSERT_EQ(detail->songs.size(), 4u);
  EXPECT_EQ(detail->songs[0].title, "Sigur Rós - Hoppípolla");
  EXPECT_EQ(detail->songs[0].track, "Hoppípolla");
  EXPECT_EQ(detail->songs[0].plays, 2);
  EXPECT_EQ(detail->songs[0].last_played_at, at(20));

  const auto song = store().song_detail(detail->songs[1].id);
  ASSERT_TRUE(song);
  EXPECT_EQ(song->song.artist_id, artists[0].id);
  EXPECT_FALSE(store().artist_detail(artists[0].id + artists[1].id + 1000));
  expect_rollups_exact();
}

// Previous window [-60, 0): Bravo - One 2, Alpha - Song 1. This window [0, 60): Alpha - Song 3,
// Charlie - Song 2 (last at 50), Bravo - One 2 (last at 25), Alpha - Song 2 1. Bravo - Song
// plays before both windows, Alpha - Song again at the end (excluded).
class Charts : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    play(kGreen, "Bravo - Song", at(-120));
    play(kGreen, "Bravo - One", at(-50));
    play(kGreen, "Alpha - Song", at(-40));
    play(kGreen, "Bravo - One", at(-30));
    play(kRed, "Alpha - Song", at(0));
    play(kBlue, "Bravo - One", at(5));
    play(kRed, "Alpha - Song 2", at(10));
    play(kGreen, "Charlie - Song", at(10));
    play(kRed, "Alpha - Song", at(20));
    play(kGreen, "Bravo - One", at(25));
    play(kBlue, "Alpha - Song", at(40));
    play(kGreen, "Charlie - Song", at(50));
    play(kGreen, "Alpha - Song", at(60));
  }
};

TEST_P(Charts, SongsByPlaysWithPreviousRanks) {
  const auto chart = store().chart(window(0, 60));
  // Charlie and Bravo tie: the more recently played goes first, whatever the ids.
  ASSERT_EQ(names_of(chart), (std::vector<std::string>{"Alpha - Song", "Charlie - Song",
                                                       "Bravo - One", "Alpha - Song 2"}));
  for (std::size_t i = 0; i < chart.size(); ++i) EXPECT_EQ(chart[i].rank, i + 1);
  EXPECT_EQ(chart[0].plays, 3);
  EXPECT_EQ(chart[0].previous_rank, 2);
  EXPECT_EQ(chart[1].plays, 2);
  EXPECT_EQ(chart[1].previous_rank, std::nullopt);
  EXPECT_EQ(chart[2].plays, 2);
  EXPECT_EQ(chart[2].previous_rank, 1);
  EXPECT_EQ(chart[3].plays, 1);
  EXPECT_EQ(chart[3].previous_rank, std::nullopt);
  EXPECT_GT(chart[1].id, chart[2].id);
}

TEST_P(Charts, ArtistsByPlays) {
  const auto artists = store().chart(window(0, 60, domain::ChartSubject::artist));
  ASSERT_EQ(names_of(artists), (std::vector<std::string>{"Alpha", "Charlie", "Bravo"}));
  EXPECT_EQ(artists[0].plays, 4);
  EXPECT_EQ(artists[0].previous_rank, 2);
  EXPECT_EQ(artists[1].plays, 2);
  EXPECT_EQ(artists[1].previous_rank, std::nullopt);
  EXPECT_EQ(artists[2].plays, 2);
  EXPECT_EQ(artists[2].previous_rank, 1);
}

TEST_P(Charts, OneChannel) {
  auto green = window(0, 60);
  green.channel_id = kGreen;
  EXPECT_EQ(names_of(store().chart(green)),
            (std::vector<std::string>{"Charlie - Song", "Bravo - One"}));
  green.by = domain::ChartSubject::artist;
  EXPECT_EQ(names_of(store().chart(green)), (std::vector<std::string>{"Charlie", "Bravo"}));
}

TEST_P(Charts, LimitAlsoBoundsThePreviousRanks) {
  auto top = window(0, 60);
  top.limit = 1;
  const auto chart = store().chart(top);
  ASSERT_EQ(names_of(chart), (std::vector<std::string>{"Alpha - Song"}));
  EXPECT_EQ(chart[0].previous_rank, std::nullopt);  // second before, outside the top 1

  auto previous = window(-60, 0);
  previous.limit = 1;
  EXPECT_EQ(names_of(store().chart(previous)), (std::vector<std::string>{"Bravo - One"}));
}

TEST_P(Charts, WindowBounds) {
  EXPECT_TRUE(store().chart(window(60, 60)).empty());
  EXPECT_TRUE(store().chart(window(75, 180)).empty());
  const auto end = store().chart(window(60, 75));
  ASSERT_EQ(names_of(end), (std::vector<std::string>{"Alpha - Song"}));
  EXPECT_EQ(end[0].plays, 1);
  EXPECT_EQ(end[0].previous_rank, std::nullopt);  // [45, 60) had Charlie only
  const auto before = store().chart(window(-120, -105));
  EXPECT_EQ(names_of(before), (std::vector<std::string>{"Bravo - Song"}));
}

// Long windows may be answered by walking down the all-time totals: the same ranks.
TEST_P(Charts, LongWindowsRankAlike) {
  constexpr int kFortyDays = 40 * 24 * 60;
  const auto songs = store().chart(window(-kFortyDays, 60));
  EXPECT_EQ(names_of(songs),
            (std::vector<std::string>{"Alpha - Song", "Bravo - One", "Charlie - Song",
                                      "Alpha - Song 2", "Bravo - Song"}));
  auto two = window(-kFortyDays, 60, domain::ChartSubject::artist);
  two.limit = 2;
  const auto artists = store().chart(two);
  ASSERT_EQ(names_of(artists), (std::vector<std::string>{"Alpha", "Bravo"}));
  EXPECT_EQ(artists[0].plays, 5);
  EXPECT_EQ(artists[1].plays, 5);
  EXPECT_EQ(artists[0].previous_rank, std::nullopt);
  auto green = window(-kFortyDays, 60);
  green.channel_id = kGreen;
  EXPECT_EQ(
      names_of(store().chart(green)),
      (std::vector<std::string>{"Bravo - One", "Charlie - Song", "Alpha - Song", "Bravo - Song"}));
}

// Many songs over several weeks, three channels: each chart equals the ranking counted airing by
// airing, whatever the window's weeks and edges (SQLite reads whole weeks from one rollup and the
// edges from another, and stops reading early).
class ChartsOverWeeks : public CatalogTest {
 protected:
  struct Airing {
    Id song_id = 0;
    Id artist_id = 0;
    Id channel_id = 0;
    int minutes = 0;
  };

  void SetUp() override {
    CatalogTest::SetUp();
    std::unordered_map<Id, Id> artist_of;
    const int count = airings();
    for (int i = 0; i < count; ++i) {
      const int song = song_of(i);
      const Id channel = 1 + i % 3;
      const int minutes = -count * 41 + i * 41;
      const auto outcome = store().record_title(
          channel, "Artist " + std::to_string(song % 13) + " - Song " + std::to_string(song),
          at(minutes));
      if (!outcome.inserted) continue;
      const Id song_id = outcome.inserted->song_id;
      if (!artist_of.contains(song_id))
        artist_of[song_id] = store().song_detail(song_id)->song.artist_id.value_or(0);
      airings_.push_back({song_id, artist_of[song_id], channel, minutes});
    }
  }

  virtual int airings() const { return 1500; }  // 41 minutes apart: about 43 days

  // Skewed, so that a few songs lead and many tie at one or two plays.
  virtual int song_of(int airing) const {
    return (airing * 7919 % 97) * (airing * 104729 % 89) / 200;
  }

  // The chart as counted from the airings themselves; windows start on quarter hours.
  std::vector<std::pair<Id, std::int64_t>> counted(const domain::ChartQuery& query, int from,
                                                   int to) const {
    struct Count {
      std::int64_t plays = 0;
      int last = std::numeric_limits<int>::min();
    };
    std::unordered_map<Id, Count> counts;
    for (const auto& airing : airings_) {
      if (airing.minutes < from || airing.minutes >= to) continue;
      if (query.channel_id && *query.channel_id != airing.channel_id) continue;
      auto& count =
          counts[query.by == domain::ChartSubject::artist ? airing.artist_id : airing.song_id];
      ++count.plays;
      count.last = std::max(count.last, airing.minutes - ((airing.minutes % 15) + 15) % 15);
    }
    std::vector<std::pair<Id, Count>> ranked(counts.begin(), counts.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      if (a.second.plays != b.second.plays) return a.second.plays > b.second.plays;
      if (a.second.last != b.second.last) return a.second.last > b.second.last;
      return a.first < b.first;
    });
    std::vector<std::pair<Id, std::int64_t>> top;
    for (const auto& [id, count] : ranked)
      if (static_cast<int>(top.size()) < query.limit) top.emplace_back(id, count.plays);
    return top;
  }

  void expect_counted(domain::ChartSubject by, int from, int to, std::optional<Id> channel,
                      int limit = 10) {
    auto query = window(from, to, by);
    query.channel_id = channel;
    query.limit = limit;
    std::vector<std::pair<Id, std::int64_t>> charted;
    for (const auto& entry : store().chart(query)) charted.emplace_back(entry.id, entry.plays);
    EXPECT_EQ(charted, counted(query, from, to)) << from << " " << to;
  }

  std::vector<Airing> airings_;
};

// A flat rotation: 400 songs in turn, each played every 11 days, so hundreds tie in any week
// (SQLite then sums the window's rows instead of walking them).
class ChartsOverAFlatRotation : public ChartsOverWeeks {
 protected:
  int song_of(int airing) const override { return airing % 400; }
};

TEST_P(ChartsOverAFlatRotation, EqualTheCountsOfTheAirings) {
  constexpr int kDay = 24 * 60;
  for (const auto by : {domain::ChartSubject::song, domain::ChartSubject::artist}) {
    for (const int days : {7, 20, 40}) {
      for (const int end : {0, -3 * kDay - 45, -9 * kDay + 15}) {
        expect_counted(by, end - days * kDay, end, std::nullopt);
        expect_counted(by, end - days * kDay, end, kGreen);
      }
    }
  }
}

// Tastes that changed: 150 songs played 20 times each in the older 85 days, then five new
// favourites on the red channel (about 14 plays in the last 35 days) among 400 songs played once
// or twice there. The all-time totals rank the old songs first, so a walk down them cannot settle
// a long window of the last weeks (SQLite then walks the week lists, as for short windows). Ten
// years touch more week lists than SQLite walks: one channel's chart there is settled by walking
// the totals on, past their first budget.
class ChartsOverChangingTastes : public ChartsOverWeeks {
 protected:
  int airings() const override { return 4500; }
  int song_of(int airing) const override {
    if (airing < 3000) return airing % 150;
    if (airing % 3 == 0 && (airing / 3) % 30 < 5) return 500 + (airing / 3) % 30;
    return 600 + airing % 400;
  }
};

TEST_P(ChartsOverChangingTastes, EqualTheCountsOfTheAirings) {
  constexpr int kDay = 24 * 60;
  for (const auto by : {domain::ChartSubject::song, domain::ChartSubject::artist}) {
    for (const int days : {32, 35, 50, 3650}) {
      for (const int limit : {5, 10}) {
        expect_counted(by, -days * kDay, 0, kRed, limit);
        expect_counted(by, -days * kDay, 0, std::nullopt, limit);
        expect_counted(by, -days * kDay - 2 * kDay - 30, -2 * kDay - 30, kRed, limit);
      }
    }
  }
}

TEST_P(ChartsOverWeeks, EqualTheCountsOfTheAirings) {
  constexpr int kDay = 24 * 60;
  for (const auto by : {domain::ChartSubject::song, domain::ChartSubject::artist}) {
    for (const int days : {1, 7, 20, 30, 40}) {
      for (const int end : {0, -3 * kDay - 45, -9 * kDay + 15}) {
        expect_counted(by, end - days * kDay, end, std::nullopt);
        expect_counted(by, end - days * kDay, end, kGreen);
      }
    }
  }
}

TEST_P(CatalogTest, RollupsFollowAChannelsRemoval) {
  play(kRed, "Alpha - Song", at(0));
  play(kGreen, "Alpha - Song", at(5));
  play(kRed, "Alpha - Other", at(10));
  const Id red_only = play(kRed, "Bravo - Song", at(20)).song_id;
  const Id both = play(kGreen, "Alpha - Other", at(30)).song_id;
  play(kRed, "Alpha - Other", at(40));
  play(kGreen, "Alpha - Song", at(35));

  ASSERT_TRUE(store().remove_channel(kRed));
  expect_rollups_exact();

  EXPECT_EQ(titles_of(store().list_songs(catalog())),
            (std::vector<std::string>{"Alpha - Song", "Alpha - Other"}));
  const auto detail = store().song_detail(both);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->song.plays, 1);
  EXPECT_EQ(detail->song.first_played_at, at(30));
  EXPECT_EQ(detail->song.last_played_at, at(30));
  ASSERT_EQ(detail->channels.size(), 1u);
  EXPECT_EQ(detail->channels[0].channel_id, kGreen);

  const auto gone = store().song_detail(red_only);
  ASSERT_TRUE(gone);  // the song stays, without plays
  EXPECT_EQ(gone->song.plays, 0);
  EXPECT_TRUE(gone->channels.empty());

  const auto artists = store().list_artists(catalog());
  ASSERT_EQ(artists.size(), 1u);
  EXPECT_EQ(artists[0].name, "Alpha");
  EXPECT_EQ(artists[0].songs, 2);
  EXPECT_EQ(artists[0].plays, 3);
  EXPECT_EQ(artists[0].last_played_at, at(35));
  EXPECT_EQ(names_of(store().chart(window(0, 60))),
            (std::vector<std::string>{"Alpha - Song", "Alpha - Other"}));
}

TEST_P(CatalogTest, RollupsExactUnderConcurrentRecording) {
  constexpr int kThreads = 4;
  constexpr int kAirings = 40;
  std::vector<std::thread> recorders;
  for (int thread = 0; thread < kThreads; ++thread) {
    recorders.emplace_back([this, thread] {
      auto own = harness().open();  // each its own connections, as another process would
      const Id channel = kRed + thread % 3;
      for (int i = 0; i < kAirings; ++i) {
        // Few titles shared by all threads, so the same rollup rows are written at once.
        const std::string title =
            "Artist " + std::to_string(i % 3) + " - Song " + std::to_string((i + thread) % 5);
        own->record_title(channel, title, at(i * 7 + thread));
      }
    });
  }
  for (auto& recorder : recorders) recorder.join();
  expect_rollups_exact();

  std::int64_t plays = 0;
  for (const auto& song : store().list_songs(catalog())) plays += song.plays;
  std::int64_t airings = 0;
  domain::HistoryQuery page;
  page.limit = domain::kMaxPageSize;
  for (auto items = store().list_history(page); !items.empty();
       items = store().list_history(page)) {
    airings += static_cast<std::int64_t>(items.size());
    page.before = items.back().id;
  }
  EXPECT_GT(airings, kAirings);
  EXPECT_EQ(plays, airings);
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogTest, ::testing::Values(Engine::sqlite, Engine::postgres));
INSTANTIATE_TEST_SUITE_P(Engines, Charts, ::testing::Values(Engine::sqlite, Engine::postgres));
INSTANTIATE_TEST_SUITE_P(Engines, ChartsOverAFlatRotation,
                         ::testing::Values(Engine::sqlite, Engine::postgres));
INSTANTIATE_TEST_SUITE_P(Engines, ChartsOverChangingTastes,
                         ::testing::Values(Engine::sqlite, Engine::postgres));
INSTANTIATE_TEST_SUITE_P(Engines, ChartsOverWeeks,
                         ::testing::Values(Engine::sqlite, Engine::postgres));

}  // namespace nicecream::store::test

#include <algorithm>
#include <cstdint>
#include <functional>

#include "domain/search_words.hpp"
#include "store/sqlite/catalog_rows.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/search_match.hpp"

// Songs: lists, a song's page and its plays per quarter hour, all read from the play rollups
// (song_plays, song_week_plays, song_slot_plays) that the history triggers keep.
namespace nicecream::store::sqlite {

namespace {

const std::string kSongColumns =
    "SELECT s.id, s.title, s.artist, s.track, s.artist_id, coalesce(p.plays, 0),"
    " coalesce(p.first_played_at, 0), coalesce(p.last_played_at, 0)";
// Most played first; the plays index gives ties newest song first without a sort. The page is
// counted off that index alone and only its own songs are read: a song read for every one skipped
// made offset 900,000 of a million take 0.4-1 s instead of 10-20 ms.
const std::string kMostPlayedSongs =
    kSongColumns +
    " FROM (SELECT song_id FROM song_plays ORDER BY plays DESC, song_id DESC LIMIT ?1 OFFSET ?2)"
    " AS page CROSS JOIN song_plays AS p ON p.song_id = page.song_id"
    " CROSS JOIN songs AS s ON s.id = p.song_id ORDER BY p.plays DESC, p.song_id DESC";
// The page is chosen from the matches' ids, scores and plays alone: reading every matching
// song's row into the sort doubled the time of a common word.
const std::string kMatchingSongs =
    kSongColumns +
    " FROM (SELECT f.rowid AS id, bm25(songs_search) AS score, m.plays AS plays"
    " FROM songs_search AS f CROSS JOIN song_plays AS m ON m.song_id = f.rowid"
    " WHERE songs_search MATCH ?1 ORDER BY score, plays DESC, id LIMIT ?2 OFFSET ?3) AS top"
    " CROSS JOIN songs AS s ON s.id = top.id CROSS JOIN song_plays AS p ON p.song_id = s.id"
    " ORDER BY top.score, top.plays DESC, top.id";
// bm25 over every match of a word found in a tenth of a million titles takes 100 ms at a million
// songs, and over a prefix's 9,000 some 20 ms (each match's size and plays looked up). Past
// kScoredMatches matches, relevance is ranked among the kRankedMatches most played of them, as on
// PostgreSQL, and deeper pages end there: the tightest titles (fewest words) first, which is
// bm25's order when each word occurs once in a title, then the most played.
constexpr std::size_t kScoredMatches = 4000;
constexpr std::size_t kRankedMatches = 200;
const std::string kPlayedDown =
    "SELECT song_id FROM song_plays INDEXED BY song_plays_plays ORDER BY plays DESC, song_id DESC"
    " LIMIT ?1";
const std::string kSong =
    kSongColumns + " FROM songs AS s LEFT JOIN song_plays AS p ON p.song_id = s.id WHERE s.id = ?1";
// A channel's plays are its weeks': no per-channel total for every recording to keep.
const std::string kSongChannels =
    "SELECT channel_id, sum(plays), max(last_played_at) FROM song_week_plays WHERE song_id = ?1"
    " GROUP BY channel_id ORDER BY channel_id";
// One song's or artist's plays per quarter hour, every channel added up (its primary key's range).
const std::string kSongSlots =
    "SELECT slot, sum(plays) FROM song_slot_plays WHERE song_id = ?1 AND slot >= ?2 AND slot < ?3"
    " GROUP BY slot ORDER BY slot";
const std::string kArtistSlots =
    "SELECT slot, sum(plays) FROM artist_slot_plays WHERE artist_id = ?1 AND slot >= ?2"
    " AND slot < ?3 GROUP BY slot ORDER BY slot";

domain::SongSummary read_song(const Statement& row) {
  domain::SongSummary song{row.int64(0), row.text(1),  row.text(2),      row.text(3),
                           std::nullopt, row.int64(5), row.timestamp(6), row.timestamp(7)};
  if (const auto artist = row.int64(4); artist != 0) song.artist_id = artist;
  return song;
}

std::vector<domain::SongSummary> read_songs(Statement& rows) {
  std::vector<domain::SongSummary> songs;
  while (rows.step()) songs.push_back(read_song(rows));
  return songs;
}

// A step down the plays index, tested against the matches, costs a thirtieth of looking up one
// match's plays (some 0.05 against 1.5 µs at a million songs); a tenth leaves room for colder
// pages.
constexpr std::size_t kStepsPerLookup = 10;

// The kRankedMatches most played of `matches` (sorted ids): down the plays index while that costs
// less than looking up each match's plays would, else by those lookups. A prefix's 9,000 matches,
// mostly little played, have their 200 most played within the first 40,000 songs.
std::vector<Id> most_played_of(Connection& connection, const std::vector<Id>& matches) {
  std::vector<Id> found;
  const auto steps = kStepsPerLookup * matches.size();
  auto down = connection.prepare(kPlayedDown);
  down.bind_all(static_cast<std::int64_t>(steps));
  std::size_t walked = 0;
  for (; found.size() < kRankedMatches && down.step(); ++walked)
    if (std::binary_search(matches.begin(), matches.end(), down.int64(0)))
      found.push_back(down.int64(0));
  if (found.size() == kRankedMatches || walked < steps) return found;
  std::vector<std::pair<std::int64_t, Id>> played;  // plays, id
  for (const Id id : matches)
    if (const auto plays = song_plays(connection, id)) played.emplace_back(*plays, id);
  const auto kept = std::min(played.size(), kRankedMatches);
  std::partial_sort(played.begin(), played.begin() + static_cast<std::ptrdiff_t>(kept),
                    played.end(), std::greater<>());
  found.clear();
  for (std::size_t i = 0; i < kept; ++i) found.push_back(played[i].second);
  return found;
}

std::vector<domain::SongSummary> ranked_most_played(Connection& connection,
                                                    const std::vector<Id>& matches,
                                                    const CatalogPage& page) {
  std::vector<std::pair<std::size_t, domain::SongSummary>> ranked;  // words, song
  for (const Id id : most_played_of(connection, matches)) {
    auto row = connection.prepare(kSong);
    if (!row.bind_all(id).step()) continue;
    auto song = read_song(row);
    ranked.emplace_back(domain::search_words(song.title).size(), std::move(song));
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second.plays != b.second.plays) return a.second.plays > b.second.plays;
    return a.second.id < b.second.id;
  });
  const auto first = std::min(static_cast<std::size_t>(page.offset), ranked.size());
  const auto end = first + std::min(static_cast<std::size_t>(page.limit), ranked.size() - first);
  std::vector<domain::SongSummary> songs;
  for (auto i = first; i < end; ++i) songs.push_back(std::move(ranked[i].second));
  return songs;
}

// `sql` (kSongSlots or kArtistSlots) for one id over [from, to).
std::vector<domain::SlotPlays> plays_by_slot(Connection& connection, const std::string& sql, Id id,
                                             domain::Timestamp from, domain::Timestamp to) {
  auto rows = connection.prepare(sql);
  rows.bind_all(id, domain::first_slot_from(from), domain::first_slot_from(to));
  std::vector<domain::SlotPlays> slots;
  while (rows.step()) slots.push_back({domain::slot_start(rows.int64(0)), rows.int64(1)});
  return slots;
}

}  // namespace

std::vector<domain::SongSummary> SqliteStore::list_songs(const domain::CatalogQuery& query) {
  const auto page = catalog_page(query);
  auto lease = connection();
  if (!query.text) {
    auto rows = lease->prepare(kMostPlayedSongs);
    rows.bind_all(page.limit, page.offset);
    return read_songs(rows);
  }
  const auto match = fts5_match(*query.text);
  if (!match) return {};
  if (const auto matches = matching_song_ids(*lease, *match); matches.ids.size() > kScoredMatches)
    return ranked_most_played(*lease, matches.ids, page);
  auto rows = lease->prepare(kMatchingSongs);
  rows.bind_all(*match, page.limit, page.offset);
  return read_songs(rows);
}

std::optional<domain::SongDetail> SqliteStore::song_detail(Id song_id) {
  auto lease = connection();
  auto row = lease->prepare(kSong);
  if (!row.bind_all(song_id).step()) return std::nullopt;
  domain::SongDetail detail{read_song(row), {}};
  auto channels = lease->prepare(kSongChannels);
  channels.bind_all(song_id);
  while (channels.step())
    detail.channels.push_back({channels.int64(0), channels.int64(1), channels.timestamp(2)});
  return detail;
}

std::vector<domain::SlotPlays> SqliteStore::song_plays_by_slot(Id song_id, domain::Timestamp from,
                                                               domain::Timestamp to) {
  auto lease = connection();
  return plays_by_slot(*lease, kSongSlots, song_id, from, to);
}

std::vector<domain::SlotPlays> SqliteStore::artist_plays_by_slot(Id artist_id,
                                                                 domain::Timestamp from,
                                                                 domain::Timestamp to) {
  auto lease = connection();
  return plays_by_slot(*lease, kArtistSlots, artist_id, from, to);
}

}  // namespace nicecream::store::sqlite

#include "store/sqlite/catalog_rows.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/search_match.hpp"

// Artists: lists and an artist's page, from artists, artist_plays and song_plays.
namespace nicecream::store::sqlite {

namespace {

const std::string kArtistColumns =
    "SELECT a.id, a.name, coalesce(p.songs, 0), coalesce(p.plays, 0),"
    " coalesce(p.last_played_at, 0)";
// Counted off the plays index alone, as the songs (catalog.cpp).
const std::string kMostPlayedArtists =
    kArtistColumns +
    " FROM (SELECT artist_id FROM artist_plays ORDER BY plays DESC, artist_id DESC"
    " LIMIT ?1 OFFSET ?2) AS page CROSS JOIN artist_plays AS p ON p.artist_id = page.artist_id"
    " CROSS JOIN artists AS a ON a.id = p.artist_id ORDER BY p.plays DESC, p.artist_id DESC";
// Every spelling of an artist folds to its key, so the key is what is searched.
const std::string kMatchingArtists =
    kArtistColumns +
    " FROM artists_search AS f CROSS JOIN artists AS a ON a.id = f.rowid"
    " CROSS JOIN artist_plays AS p ON p.artist_id = a.id"
    " WHERE artists_search MATCH ?1 ORDER BY bm25(artists_search), p.plays DESC, a.id"
    " LIMIT ?2 OFFSET ?3";
const std::string kArtist =
    kArtistColumns +
    " FROM artists AS a LEFT JOIN artist_plays AS p ON p.artist_id = a.id WHERE a.id = ?1";
const std::string kArtistSongs =
    "SELECT s.id, s.title, s.track, p.plays, p.last_played_at"
    " FROM songs AS s CROSS JOIN song_plays AS p ON p.song_id = s.id"
    " WHERE s.artist_id = ?1 ORDER BY p.plays DESC, s.id";

domain::ArtistSummary read_artist(const Statement& row) {
  return {row.int64(0), row.text(1), row.int64(2), row.int64(3), row.timestamp(4)};
}

std::vector<domain::ArtistSummary> read_artists(Statement& rows) {
  std::vector<domain::ArtistSummary> artists;
  while (rows.step()) artists.push_back(read_artist(rows));
  return artists;
}

}  // namespace

std::vector<domain::ArtistSummary> SqliteStore::list_artists(const domain::CatalogQuery& query) {
  const auto page = catalog_page(query);
  auto lease = connection();
  if (!query.text) {
    auto rows = lease->prepare(kMostPlayedArtists);
    rows.bind_all(page.limit, page.offset);
    return read_artists(rows);
  }
  const auto match = fts5_match(*query.text);
  if (!match) return {};
  auto rows = lease->prepare(kMatchingArtists);
  rows.bind_all(*match, page.limit, page.offset);
  return read_artists(rows);
}

std::optional<domain::ArtistDetail> SqliteStore::artist_detail(Id artist_id) {
  auto lease = connection();
  auto row = lease->prepare(kArtist);
  if (!row.bind_all(artist_id).step()) return std::nullopt;
  domain::ArtistDetail detail{read_artist(row), {}};
  auto songs = lease->prepare(kArtistSongs);
  songs.bind_all(artist_id);
  while (songs.step())
    detail.songs.push_back(
        {songs.int64(0), songs.text(1), songs.text(2), songs.int64(3), songs.timestamp(4)});
  return detail;
}

}  // namespace nicecream::store::sqlite

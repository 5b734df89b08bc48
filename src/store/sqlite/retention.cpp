#include <algorithm>
#include <set>

#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

// Oldest first by time, through history_created_at; the delete triggers take each airing out of
// the rollups.
const std::string kRemoveItems =
    "DELETE FROM history WHERE id IN ("
    " SELECT id FROM history WHERE created_at < ?1 ORDER BY created_at LIMIT ?2)"
    " RETURNING song_id";
// A bookmarked or watched song stays: its bookmark or watch still names it. A spelling counts the
// songs written so (the artist's name is its most common spelling); the search entry goes with the
// row's trigger.
const std::string kRemoveSong =
    "DELETE FROM songs WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM history WHERE song_id = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM bookmarks WHERE song_id = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM watches WHERE song_id = ?1)"
    " RETURNING artist";
const std::string kForgetSpelling =
    "UPDATE artist_spellings SET songs = songs - 1 WHERE spelling = ?1 AND songs > 0";

}  // namespace

RemovedHistory SqliteStore::remove_history_before(domain::Timestamp cutoff, int limit) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    RemovedHistory removed;
    std::set<Id> songs;
    auto items = lease->prepare(kRemoveItems);
    items.bind_all(cutoff, std::int64_t{std::max(limit, 0)});
    while (items.step()) {
      ++removed.items;
      songs.insert(items.int64(0));
    }
    for (const auto song_id : songs) {
      auto song = lease->prepare(kRemoveSong);
      song.bind_all(song_id);
      if (!song.step()) continue;
      ++removed.songs;
      if (const auto artist = song.text(0); !artist.empty())
        lease->prepare(kForgetSpelling).bind_all(artist).step();
    }
    return removed;
  });
}

}  // namespace nicecream::store::sqlite

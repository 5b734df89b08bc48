#include <algorithm>
#include <set>

#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

// Oldest first by time, through history_created_at_id; the delete trigger takes the airings out
// of the rollups.
const std::string kRemoveItems =
    "DELETE FROM history WHERE id IN ("
    " SELECT id FROM history WHERE created_at < $1::timestamptz ORDER BY created_at, id LIMIT $2)"
    " RETURNING song_id";
// A bookmarked or watched song stays: its bookmark or watch still names it. A spelling counts the
// songs written so (the artist's name is its most common spelling).
const std::string kRemoveSongs =
    "WITH gone AS ("
    " DELETE FROM songs AS s WHERE s.id = ANY($1::bigint[])"
    " AND NOT EXISTS (SELECT FROM history AS h WHERE h.song_id = s.id)"
    " AND NOT EXISTS (SELECT FROM bookmarks AS b WHERE b.song_id = s.id)"
    " AND NOT EXISTS (SELECT FROM watches AS w WHERE w.song_id = s.id)"
    " RETURNING s.artist_id, s.artist),"
    " spellings AS ("
    " UPDATE artist_spellings AS p SET songs = greatest(p.songs - g.songs, 0)"
    " FROM (SELECT artist_id, artist, count(*) AS songs FROM gone WHERE artist_id IS NOT NULL"
    " GROUP BY artist_id, artist) AS g"
    " WHERE p.artist_id = g.artist_id AND p.spelling = g.artist)"
    " SELECT count(*) FROM gone";

}  // namespace

RemovedHistory PostgresStore::remove_history_before(domain::Timestamp cutoff, int limit) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&] {
      RemovedHistory removed;
      const auto items = connection.query(kRemoveItems, cutoff, std::int64_t{std::max(limit, 0)});
      std::set<Id> songs;
      for (int row = 0; row < items.rows(); ++row) songs.insert(items.int64(row, 0));
      removed.items = items.rows();
      if (!songs.empty())
        removed.songs = connection.query(kRemoveSongs, bigint_array(songs)).int64(0, 0);
      return removed;
    });
  });
}

}  // namespace nicecream::store::postgres

#include <algorithm>

#include "domain/pages.hpp"
#include "store/errors.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kSelect =
    "SELECT b.id, b.created_at, b.song_id, s.title, b.user_id"
    " FROM bookmarks AS b CROSS JOIN songs AS s ON s.id = b.song_id";
// Inserting from songs makes an unknown song insert nothing rather than fail; the conflict
// clause makes a second add of the same song a no-op that the lookup below answers.
const std::string kAddBookmark =
    "INSERT INTO bookmarks (created_at, user_id, song_id)"
    " SELECT ?1, ?2, id FROM songs WHERE id = ?3 ON CONFLICT (user_id, song_id) DO NOTHING";
const std::string kFindBySong = kSelect + " WHERE b.user_id = ?1 AND b.song_id = ?2";
const std::string kRemoveBookmark = "DELETE FROM bookmarks WHERE id = ?1 AND user_id = ?2";

std::string page_sql(const domain::BookmarkQuery& query) {
  auto sql = kSelect + " WHERE b.user_id = :user";
  if (query.before) sql += " AND b.id < :before";
  return sql + " ORDER BY b.id DESC LIMIT :limit OFFSET :offset";
}

domain::Bookmark read_bookmark(const Statement& row) {
  return {row.int64(0), row.timestamp(1), row.int64(2), row.text(3), row.int64(4)};
}

}  // namespace

std::vector<domain::Bookmark> SqliteStore::list_bookmarks(const domain::BookmarkQuery& query) {
  auto lease = connection();
  auto rows = lease->prepare(page_sql(query));
  rows.bind_named(":user", query.user_id);
  if (query.before) rows.bind_named(":before", *query.before);
  rows.bind_named(":limit", std::int64_t{std::clamp(query.limit, 0, domain::kMaxPageSize)});
  rows.bind_named(":offset", std::max<std::int64_t>(query.offset, 0));
  std::vector<domain::Bookmark> bookmarks;
  while (rows.step()) bookmarks.push_back(read_bookmark(rows));
  return bookmarks;
}

domain::Bookmark SqliteStore::add_bookmark(Id user_id, Id song_id) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    lease->prepare(kAddBookmark).bind_all(domain::now(), user_id, song_id).step();
    auto row = lease->prepare(kFindBySong);
    if (!row.bind_all(user_id, song_id).step())
      throw NotFound("song " + std::to_string(song_id) + " not found");
    return read_bookmark(row);
  });
}

bool SqliteStore::remove_bookmark(Id user_id, Id bookmark_id) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    lease->prepare(kRemoveBookmark).bind_all(bookmark_id, user_id).step();
    return lease->changes() > 0;
  });
}

}  // namespace nicecream::store::sqlite

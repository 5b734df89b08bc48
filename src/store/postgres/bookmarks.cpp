#include <algorithm>

#include "domain/pages.hpp"
#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

const std::string kSelect = "SELECT b.id, " + micros("b.created_at") +
                            ", b.song_id, s.title, b.user_id"
                            " FROM bookmarks AS b JOIN songs AS s ON s.id = b.song_id";
// Inserting from songs makes an unknown song insert nothing rather than fail; the conflict
// clause makes a second add of the same song a no-op that the lookup below answers.
const std::string kAddBookmark =
    "INSERT INTO bookmarks (created_at, user_id, song_id)"
    " SELECT $1::timestamptz, $2, id FROM songs WHERE id = $3"
    " ON CONFLICT (user_id, song_id) DO NOTHING";
const std::string kFindBySong = kSelect + " WHERE b.user_id = $1 AND b.song_id = $2";
const std::string kRemoveBookmark =
    "DELETE FROM bookmarks WHERE id = $1 AND user_id = $2 RETURNING id";

std::vector<domain::Bookmark> read_bookmarks(const Result& rows) {
  std::vector<domain::Bookmark> bookmarks;
  bookmarks.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row)
    bookmarks.push_back({rows.int64(row, 0), rows.timestamp(row, 1), rows.int64(row, 2),
                         rows.text(row, 3), rows.int64(row, 4)});
  return bookmarks;
}

}  // namespace

std::vector<domain::Bookmark> PostgresStore::list_bookmarks(const domain::BookmarkQuery& query) {
  Params params;
  auto sql = kSelect + " WHERE b.user_id = " + params.add(query.user_id);
  if (query.before) sql += " AND b.id < " + params.add(*query.before);
  sql += " ORDER BY b.id DESC LIMIT " +
         params.add(std::int64_t{std::clamp(query.limit, 0, domain::kMaxPageSize)});
  sql += " OFFSET " + params.add(std::max<std::int64_t>(query.offset, 0));
  return with_connection([&](Connection& connection) {
    return read_bookmarks(connection.exec(sql, params.values()));
  });
}

domain::Bookmark PostgresStore::add_bookmark(Id user_id, Id song_id) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&] {
      connection.query(kAddBookmark, domain::now(), user_id, song_id);
      auto found = read_bookmarks(connection.query(kFindBySong, user_id, song_id));
      if (found.empty()) throw NotFound("song " + std::to_string(song_id) + " not found");
      return found.front();
    });
  });
}

bool PostgresStore::remove_bookmark(Id user_id, Id bookmark_id) {
  return with_connection([&](Connection& connection) {
    return !connection.query(kRemoveBookmark, bookmark_id, user_id).empty();
  });
}

}  // namespace nicecream::store::postgres

#include <algorithm>

#include "domain/pages.hpp"
#include "domain/song_title.hpp"
#include "store/errors.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/history_rows.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

// CROSS JOIN pins history as the outer loop, so a page walks the history index newest first and
// looks each song up by key, whatever the planner guesses about table sizes.
std::string select_items(bool with_viewer, std::string_view history) {
  std::string sql = "SELECT h.id, h.created_at, h.song_id, s.title, h.channel_id, ";
  sql += with_viewer ? "coalesce(b.id, 0)" : "0";
  sql += " FROM " + std::string(history) + " CROSS JOIN songs AS s ON s.id = h.song_id";
  if (with_viewer)
    sql += " LEFT JOIN bookmarks AS b ON b.user_id = :viewer AND b.song_id = h.song_id";
  return sql;
}

domain::HistoryItem read_item(const Statement& row) {
  return {row.int64(0), row.timestamp(1), row.int64(2), row.text(3), row.int64(4), row.int64(5)};
}

std::vector<domain::HistoryItem> read_items(Statement& rows) {
  std::vector<domain::HistoryItem> items;
  while (rows.step()) items.push_back(read_item(rows));
  return items;
}

namespace {

std::string replay_sql(bool by_channel) {
  auto sql = select_items(false) + " WHERE h.id > :after";
  if (by_channel) sql += " AND h.channel_id = :channel";
  return sql + " ORDER BY h.id LIMIT :limit";
}

const std::string kLatest =
    select_items(false) + " WHERE h.channel_id = :channel ORDER BY h.id DESC LIMIT 1";
const std::string kChannelExists = "SELECT count(*) FROM channels WHERE id = ?1";
const std::string kLatestId = "SELECT coalesce(max(id), 0) FROM history";
const std::string kLatestTitle =
    "SELECT s.title FROM history AS h CROSS JOIN songs AS s ON s.id = h.song_id"
    " WHERE h.channel_id = ?1 ORDER BY h.id DESC LIMIT 1";
const std::string kAddSong =
    "INSERT INTO songs (title, artist, track) VALUES (?1, ?2, ?3) ON CONFLICT (title) DO NOTHING";
const std::string kSongId = "SELECT id FROM songs WHERE title = ?1";
const std::string kAddItem =
    "INSERT INTO history (created_at, song_id, channel_id) VALUES (?1, ?2, ?3) RETURNING id";
const std::string kFindSong = "SELECT id, title, artist, track FROM songs WHERE id = ?1";

Id find_or_create_song(Connection& connection, std::string_view title) {
  const auto parts = domain::split_artist_and_track(title);
  connection.prepare(kAddSong).bind_all(title, parts.artist, parts.track).step();
  auto song = connection.prepare(kSongId);
  song.bind_all(title).step();
  return song.int64(0);
}

}  // namespace

std::vector<domain::HistoryItem> SqliteStore::history_after(Id after_id,
                                                            std::optional<Id> channel_id,
                                                            int limit) {
  auto lease = connection();
  auto rows = lease->prepare(replay_sql(channel_id.has_value()));
  rows.bind_named(":after", after_id);
  if (channel_id) rows.bind_named(":channel", *channel_id);
  rows.bind_named(":limit", std::int64_t{std::max(limit, 0)});
  return read_items(rows);
}

std::optional<domain::HistoryItem> SqliteStore::latest_history(Id channel_id) {
  auto lease = connection();
  auto row = lease->prepare(kLatest);
  row.bind_named(":channel", channel_id);
  if (!row.step()) return std::nullopt;
  return read_item(row);
}

Id SqliteStore::latest_history_id() {
  auto lease = connection();
  auto row = lease->prepare(kLatestId);
  row.step();
  return row.int64(0);
}

RecordOutcome SqliteStore::record_title(Id channel_id, std::string_view title,
                                        domain::Timestamp at) {
  auto lease = connection();
  // The write lock is held from the check to the insert, so two recorders of the same title
  // cannot both see it as new.
  return write_transaction(*lease, [&]() -> RecordOutcome {
    auto channel = lease->prepare(kChannelExists);
    if (!channel.bind_all(channel_id).step() || channel.int64(0) == 0)
      throw NotFound("channel " + std::to_string(channel_id) + " not found");
    auto latest = lease->prepare(kLatestTitle);
    latest.bind_all(channel_id);
    if (latest.step() && latest.text(0) == title) return {};
    const Id song_id = find_or_create_song(*lease, title);
    auto item = lease->prepare(kAddItem);
    item.bind_all(at, song_id, channel_id).step();
    return {domain::HistoryItem{item.int64(0), at, song_id, std::string(title), channel_id, 0}};
  });
}

std::optional<domain::Song> SqliteStore::find_song(Id id) {
  auto lease = connection();
  auto row = lease->prepare(kFindSong);
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return domain::Song{row.int64(0), row.text(1), row.text(2), row.text(3)};
}

}  // namespace nicecream::store::sqlite

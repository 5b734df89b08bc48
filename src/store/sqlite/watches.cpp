#include <algorithm>
#include <limits>

#include "domain/pages.hpp"
#include "domain/watch_words.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

// Watches, their claims and the private feed's token (migration 0005).
namespace nicecream::store::sqlite {

namespace {

// Song and channel are 0 when absent: the columns are NULL, read through coalesce.
const std::string kWatchColumns =
    "SELECT w.id, w.user_id, w.kind, w.value, coalesce(w.song_id, 0), coalesce(w.channel_id, 0),"
    " w.created_at FROM watches AS w";
const std::string kListWatches = kWatchColumns + " WHERE w.user_id = ?1 ORDER BY w.id DESC";
const std::string kCount = "SELECT count(*) FROM watches WHERE user_id = ?1";
const std::string kFindSame =
    kWatchColumns +
    " WHERE w.user_id = ?1 AND w.kind = ?2 AND coalesce(w.match_key, w.song_id) = ?3"
    " AND coalesce(w.channel_id, 0) = ?4";
const std::string kInsert =
    "INSERT INTO watches (user_id, kind, value, match_key, lead_word, song_id, channel_id,"
    " created_at) VALUES (?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''), nullif(?6, 0),"
    " nullif(?7, 0), ?8) RETURNING id";
const std::string kSongTitle = "SELECT title FROM songs WHERE id = ?1";
const std::string kChannelExists = "SELECT EXISTS (SELECT 1 FROM channels WHERE id = ?1)";
const std::string kRemoveWatch = "DELETE FROM watches WHERE id = ?1 AND user_id = ?2";

// The fold of the artists and the title search (migration 0002): FTS5's unicode61 tokenizer.
const std::string kFoldIn = "INSERT INTO fold_scratch (rowid, text) VALUES (1, ?1)";
const std::string kFoldOut = "SELECT coalesce((SELECT fold_key FROM folded WHERE doc = 1), '')";
const std::string kFoldClear = "INSERT INTO fold_scratch (fold_scratch) VALUES ('delete-all')";

const std::string kEnsureFeed =
    "INSERT INTO watch_feed_tokens (user_id, salt, token_hash) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (user_id) DO NOTHING";
const std::string kFeedSalt = "SELECT salt FROM watch_feed_tokens WHERE user_id = ?1";
const std::string kReplaceFeed =
    "INSERT INTO watch_feed_tokens (user_id, salt, token_hash) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (user_id) DO UPDATE SET salt = excluded.salt, token_hash = excluded.token_hash";
const std::string kFeedUser = "SELECT user_id FROM watch_feed_tokens WHERE token_hash = ?1";

const std::string kAnyTextWatch =
    "SELECT EXISTS (SELECT 1 FROM watches WHERE kind = 'text' AND lead_word IS NOT NULL)";
const std::string kTitle = "SELECT title FROM songs WHERE id = ?1";

const std::string kMatchColumns =
    "SELECT w.id, w.user_id, w.kind, w.value, h.id, h.created_at, h.song_id, s.title,"
    " h.channel_id, c.name FROM watch_matches AS m CROSS JOIN watches AS w ON w.id = m.watch_id"
    " CROSS JOIN history AS h ON h.id = m.history_id CROSS JOIN songs AS s ON s.id = h.song_id"
    " CROSS JOIN channels AS c ON c.id = h.channel_id";

domain::Watch read_watch(const Statement& row) {
  domain::Watch watch;
  watch.id = row.int64(0);
  watch.user_id = row.int64(1);
  watch.kind = domain::parse_watch_kind(row.text(2)).value_or(domain::WatchKind::song);
  watch.value = row.text(3);
  if (const auto song = row.int64(4)) watch.song_id = song;
  if (const auto channel = row.int64(5)) watch.channel_id = channel;
  watch.created_at = row.timestamp(6);
  return watch;
}

domain::WatchMatch read_match(const Statement& row) {
  domain::WatchMatch match;
  match.watch_id = row.int64(0);
  match.user_id = row.int64(1);
  match.kind = row.text(2);
  match.value = row.text(3);
  match.item = {row.int64(4), row.timestamp(5), row.int64(6), row.text(7), row.int64(8), 0};
  match.channel_name = row.text(9);
  return match;
}

std::string fold(Connection& connection, std::string_view text) {
  connection.prepare(kFoldIn).bind_all(text).step();
  auto folded = connection.prepare(kFoldOut);
  folded.step();
  auto key = folded.text(0);
  connection.prepare(kFoldClear).step();
  return key;
}

std::string placeholders(std::size_t first, std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) list += (i > 0 ? ", ?" : "?") + std::to_string(first + i);
  return list;
}

bool exists(Connection& connection, const std::string& sql, Id id) {
  auto row = connection.prepare(sql);
  row.bind_all(id).step();
  return row.int64(0) != 0;
}

// The key the same watch is found by, and what the insert writes: song and artist/text keys.
struct WatchKeys {
  std::string value;
  std::string match_key;  // folded value (artist, text); empty for a song
  std::string lead_word;  // text: the first folded word
};

std::optional<WatchKeys> watch_keys(Connection& connection, const domain::NewWatch& watch) {
  if (watch.kind == domain::WatchKind::song) {
    auto title = connection.prepare(kSongTitle);
    if (!title.bind_all(watch.song_id.value_or(0)).step()) return std::nullopt;
    return WatchKeys{title.text(0), {}, {}};
  }
  WatchKeys keys{watch.value, fold(connection, watch.value), {}};
  if (watch.kind == domain::WatchKind::text) {
    const auto words = domain::folded_words(keys.match_key);
    if (!words.empty()) keys.lead_word = words.front();
  }
  return keys;
}

std::optional<domain::Watch> find_same(Connection& connection, Id user_id,
                                       const domain::NewWatch& watch, const WatchKeys& keys) {
  auto row = connection.prepare(kFindSame);
  row.bind(1, user_id).bind(2, domain::watch_kind_name(watch.kind));
  if (watch.kind == domain::WatchKind::song)
    row.bind(3, watch.song_id.value_or(0));
  else
    row.bind(3, std::string_view(keys.match_key));
  row.bind(4, watch.channel_id.value_or(0));
  if (!row.step()) return std::nullopt;
  return read_watch(row);
}

// Text watches whose first word starts a word of the title, then checked whole (like `q`).
std::vector<Id> matching_text_watches(Connection& connection, const domain::HistoryItem& item) {
  auto any = connection.prepare(kAnyTextWatch);
  if (!any.step() || any.int64(0) == 0) return {};
  auto title = connection.prepare(kTitle);
  if (!title.bind_all(item.song_id).step()) return {};
  const auto title_words = domain::folded_words(fold(connection, title.text(0)));
  const auto prefixes = domain::word_prefixes(title_words);
  if (prefixes.empty()) return {};
  auto candidates = connection.prepare(
      "SELECT id, match_key FROM watches WHERE kind = 'text' AND lead_word IN (" +
      placeholders(2, prefixes.size()) + ") AND (channel_id IS NULL OR channel_id = ?1)");
  candidates.bind(1, item.channel_id);
  for (std::size_t i = 0; i < prefixes.size(); ++i)
    candidates.bind(static_cast<int>(i) + 2, std::string_view(prefixes[i]));
  std::vector<Id> ids;
  while (candidates.step()) {
    if (domain::text_watch_matches(domain::folded_words(candidates.text(1)), title_words))
      ids.push_back(candidates.int64(0));
  }
  return ids;
}

// Song and artist watches by index; text watches by the ids found above. The primary key
// (watch_id, history_id) makes a second claim of the same airing insert nothing.
std::string claim_sql(std::size_t text_watches) {
  std::string sql =
      "INSERT INTO watch_matches (watch_id, history_id, user_id, created_at)"
      " SELECT id, ?1, user_id, ?2 FROM ("
      " SELECT id, user_id, channel_id FROM watches WHERE kind = 'song' AND song_id = ?3"
      " UNION ALL SELECT id, user_id, channel_id FROM watches WHERE kind = 'artist'"
      " AND match_key = (SELECT a.fold_key FROM songs AS s CROSS JOIN artists AS a"
      " ON a.id = s.artist_id WHERE s.id = ?3)";
  if (text_watches > 0)
    sql += " UNION ALL SELECT id, user_id, channel_id FROM watches WHERE id IN (" +
           placeholders(5, text_watches) + ")";
  return sql +
         ") WHERE channel_id IS NULL OR channel_id = ?4"
         " ON CONFLICT (watch_id, history_id) DO NOTHING RETURNING watch_id";
}

}  // namespace

std::vector<domain::Watch> SqliteStore::list_watches(Id user_id) {
  auto lease = connection();
  auto rows = lease->prepare(kListWatches);
  rows.bind_all(user_id);
  std::vector<domain::Watch> watches;
  while (rows.step()) watches.push_back(read_watch(rows));
  return watches;
}

WatchAddition SqliteStore::add_watch(Id user_id, const domain::NewWatch& watch) {
  auto lease = connection();
  return write_transaction(*lease, [&]() -> WatchAddition {
    if (watch.channel_id && !exists(*lease, kChannelExists, *watch.channel_id))
      return {WatchAddOutcome::unknown_channel, {}};
    const auto keys = watch_keys(*lease, watch);
    if (!keys) return {WatchAddOutcome::unknown_song, {}};
    if (watch.kind != domain::WatchKind::song && keys->match_key.empty())
      return {WatchAddOutcome::nothing_to_match, {}};
    if (auto same = find_same(*lease, user_id, watch, *keys))
      return {WatchAddOutcome::existing, std::move(same)};
    auto count = lease->prepare(kCount);
    count.bind_all(user_id).step();
    if (count.int64(0) >= domain::kMaxWatchesPerUser) return {WatchAddOutcome::limit_reached, {}};
    auto insert = lease->prepare(kInsert);
    insert.bind_all(user_id, domain::watch_kind_name(watch.kind), std::string_view(keys->value),
                    std::string_view(keys->match_key), std::string_view(keys->lead_word),
                    watch.song_id.value_or(0), watch.channel_id.value_or(0), domain::now());
    insert.step();
    const auto id = insert.int64(0);
    while (insert.step()) {
    }
    auto added = lease->prepare(kWatchColumns + " WHERE w.id = ?1");
    added.bind_all(id).step();
    return {WatchAddOutcome::added, read_watch(added)};
  });
}

bool SqliteStore::remove_watch(Id user_id, Id watch_id) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    lease->prepare(kRemoveWatch).bind_all(watch_id, user_id).step();
    return lease->changes() > 0;
  });
}

std::string SqliteStore::ensure_watch_feed(Id user_id, std::string_view salt,
                                           std::string_view token_hash) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    lease->prepare(kEnsureFeed).bind_all(user_id, salt, token_hash).step();
    auto row = lease->prepare(kFeedSalt);
    row.bind_all(user_id).step();
    return row.text(0);
  });
}

void SqliteStore::replace_watch_feed(Id user_id, std::string_view salt,
                                     std::string_view token_hash) {
  auto lease = connection();
  write_transaction(
      *lease, [&] { lease->prepare(kReplaceFeed).bind_all(user_id, salt, token_hash).step(); });
}

std::optional<Id> SqliteStore::find_watch_feed_user(std::string_view token_hash) {
  auto lease = connection();
  auto row = lease->prepare(kFeedUser);
  if (!row.bind_all(token_hash).step()) return std::nullopt;
  return row.int64(0);
}

std::vector<domain::WatchMatch> SqliteStore::claim_watch_matches(const domain::HistoryItem& item) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    const auto text_watches = matching_text_watches(*lease, item);
    auto claim = lease->prepare(claim_sql(text_watches.size()));
    claim.bind_all(item.id, domain::now(), item.song_id, item.channel_id);
    for (std::size_t i = 0; i < text_watches.size(); ++i)
      claim.bind(static_cast<int>(i) + 5, text_watches[i]);
    std::vector<Id> claimed;
    while (claim.step()) claimed.push_back(claim.int64(0));
    std::vector<domain::WatchMatch> matches;
    for (const auto watch_id : claimed) {
      auto row = lease->prepare(kMatchColumns + " WHERE m.watch_id = ?1 AND m.history_id = ?2");
      if (row.bind_all(watch_id, item.id).step()) matches.push_back(read_match(row));
    }
    return matches;
  });
}

std::vector<domain::WatchMatch> SqliteStore::list_watch_matches(Id user_id, int limit,
                                                                std::optional<Id> before) {
  auto lease = connection();
  auto rows = lease->prepare(kMatchColumns + " WHERE m.user_id = ?1 AND m.history_id < ?2" +
                             " ORDER BY m.history_id DESC, m.watch_id DESC LIMIT ?3");
  rows.bind_all(user_id, before.value_or(std::numeric_limits<Id>::max()),
                std::int64_t{std::clamp(limit, 0, domain::kMaxPageSize)});
  std::vector<domain::WatchMatch> matches;
  while (rows.step()) matches.push_back(read_match(rows));
  return matches;
}

}  // namespace nicecream::store::sqlite

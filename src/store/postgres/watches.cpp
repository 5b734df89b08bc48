#include <algorithm>
#include <limits>

#include "domain/pages.hpp"
#include "domain/watch_words.hpp"
#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

// Watches, their claims and the private feed's token (migration 0005).
namespace nicecream::store::postgres {

namespace {

// Song and channel are 0 when absent: the columns are NULL, read through coalesce.
const std::string kWatchColumns =
    "SELECT w.id, w.user_id, w.kind, w.value, coalesce(w.song_id, 0), coalesce(w.channel_id, 0), " +
    micros("w.created_at") + " FROM watches AS w";
const std::string kListWatches = kWatchColumns + " WHERE w.user_id = $1 ORDER BY w.id DESC";
// The user's row is locked first, so two adds of one user count one after the other.
const std::string kLockUser = "SELECT id FROM users WHERE id = $1 FOR UPDATE";
const std::string kCount = "SELECT count(*) FROM watches WHERE user_id = $1";
const std::string kFindSame =
    kWatchColumns +
    " WHERE w.user_id = $1 AND w.kind = $2 AND coalesce(w.match_key, w.song_id::text) = $3"
    " AND coalesce(w.channel_id, 0) = $4";
const std::string kInsert =
    "INSERT INTO watches (user_id, kind, value, match_key, lead_word, song_id, channel_id,"
    " created_at) VALUES ($1, $2, $3, nullif($4, ''), nullif($5, ''), nullif($6::bigint, 0),"
    " nullif($7::bigint, 0), $8::timestamptz)"
    " RETURNING id";
const std::string kSongTitle = "SELECT title FROM songs WHERE id = $1";
const std::string kChannelExists = "SELECT EXISTS (SELECT FROM channels WHERE id = $1)";
const std::string kFold = "SELECT nicecream_fold($1)";
const std::string kRemoveWatch = "DELETE FROM watches WHERE id = $1 AND user_id = $2 RETURNING id";

const std::string kEnsureFeed =
    "INSERT INTO watch_feed_tokens (user_id, salt, token_hash) VALUES ($1, $2, $3)"
    " ON CONFLICT (user_id) DO NOTHING";
const std::string kFeedSalt = "SELECT salt FROM watch_feed_tokens WHERE user_id = $1";
const std::string kReplaceFeed =
    "INSERT INTO watch_feed_tokens (user_id, salt, token_hash) VALUES ($1, $2, $3)"
    " ON CONFLICT (user_id) DO UPDATE SET salt = EXCLUDED.salt, token_hash = EXCLUDED.token_hash";
const std::string kFeedUser = "SELECT user_id FROM watch_feed_tokens WHERE token_hash = $1";

// Text watches whose first word starts a word of the title (the folded title's prefixes).
const std::string kAnyTextWatch =
    "SELECT EXISTS (SELECT FROM watches WHERE kind = 'text' AND lead_word IS NOT NULL)";
const std::string kFoldedTitle = "SELECT nicecream_fold(title) FROM songs WHERE id = $1";
const std::string kTextCandidates =
    "SELECT id, match_key FROM watches WHERE kind = 'text'"
    " AND lead_word = ANY(string_to_array($1, ' ')) AND (channel_id IS NULL OR channel_id = $2)";

// Song and artist watches by index; text watches by the ids checked in C++. The primary key
// (watch_id, history_id) makes a second claim of the same airing insert nothing, and a claim
// racing another process's waits for it and then inserts nothing.
const std::string kClaim =
    "WITH candidates AS ("
    " SELECT id, user_id, channel_id FROM watches WHERE kind = 'song' AND song_id = $3"
    " UNION ALL SELECT id, user_id, channel_id FROM watches WHERE kind = 'artist'"
    " AND match_key = (SELECT a.fold_key FROM songs AS s JOIN artists AS a ON a.id = s.artist_id"
    " WHERE s.id = $3)"
    " UNION ALL SELECT id, user_id, channel_id FROM watches"
    " WHERE id = ANY(string_to_array($5, ',')::bigint[]))"
    " INSERT INTO watch_matches (watch_id, history_id, user_id, created_at)"
    " SELECT id, $1, user_id, $2::timestamptz FROM candidates"
    " WHERE channel_id IS NULL OR channel_id = $4"
    " ON CONFLICT (watch_id, history_id) DO NOTHING RETURNING watch_id";

const std::string kMatchColumns =
    "SELECT w.id, w.user_id, w.kind, w.value, h.id, " + micros("h.created_at") +
    ", h.song_id, s.title, h.channel_id, c.name FROM watch_matches AS m"
    " JOIN watches AS w ON w.id = m.watch_id JOIN history AS h ON h.id = m.history_id"
    " JOIN songs AS s ON s.id = h.song_id JOIN channels AS c ON c.id = h.channel_id";
const std::string kClaimed =
    kMatchColumns +
    " WHERE m.history_id = $1 AND m.watch_id = ANY(string_to_array($2, ',')::bigint[])"
    " ORDER BY m.watch_id";
const std::string kUserMatches = kMatchColumns +
                                 " WHERE m.user_id = $1 AND m.history_id < $2"
                                 " ORDER BY m.history_id DESC, m.watch_id DESC LIMIT $3";

domain::Watch read_watch(const Result& rows, int row) {
  domain::Watch watch;
  watch.id = rows.int64(row, 0);
  watch.user_id = rows.int64(row, 1);
  watch.kind = domain::parse_watch_kind(rows.text(row, 2)).value_or(domain::WatchKind::song);
  watch.value = rows.text(row, 3);
  if (const auto song = rows.int64(row, 4)) watch.song_id = song;
  if (const auto channel = rows.int64(row, 5)) watch.channel_id = channel;
  watch.created_at = rows.timestamp(row, 6);
  return watch;
}

std::vector<domain::WatchMatch> read_matches(const Result& rows) {
  std::vector<domain::WatchMatch> matches;
  for (int row = 0; row < rows.rows(); ++row) {
    domain::WatchMatch match;
    match.watch_id = rows.int64(row, 0);
    match.user_id = rows.int64(row, 1);
    match.kind = rows.text(row, 2);
    match.value = rows.text(row, 3);
    match.item = {rows.int64(row, 4), rows.timestamp(row, 5), rows.int64(row, 6),
                  rows.text(row, 7),  rows.int64(row, 8),     0};
    match.channel_name = rows.text(row, 9);
    matches.push_back(std::move(match));
  }
  return matches;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : std::string(separator)) + part;
  return text;
}

std::string joined_ids(const std::vector<Id>& ids) {
  std::string text;
  for (const auto id : ids) text += (text.empty() ? "" : ",") + std::to_string(id);
  return text;
}

struct WatchKeys {
  std::string value;
  std::string match_key;  // folded value (artist, text); empty for a song
  std::string lead_word;  // text: the first folded word
};

std::optional<WatchKeys> watch_keys(Connection& connection, const domain::NewWatch& watch) {
  if (watch.kind == domain::WatchKind::song) {
    const auto title = connection.query(kSongTitle, watch.song_id.value_or(0));
    if (title.empty()) return std::nullopt;
    return WatchKeys{title.text(0, 0), {}, {}};
  }
  WatchKeys keys{
      watch.value, connection.query(kFold, std::string_view(watch.value)).text(0, 0), {}};
  if (watch.kind == domain::WatchKind::text) {
    const auto words = domain::folded_words(keys.match_key);
    if (!words.empty()) keys.lead_word = words.front();
  }
  return keys;
}

std::optional<domain::Watch> find_same(Connection& connection, Id user_id,
                                       const domain::NewWatch& watch, const WatchKeys& keys) {
  const std::string key = watch.kind == domain::WatchKind::song
                              ? std::to_string(watch.song_id.value_or(0))
                              : keys.match_key;
  const auto rows = connection.query(kFindSame, user_id, domain::watch_kind_name(watch.kind),
                                     std::string_view(key), watch.channel_id.value_or(0));
  if (rows.empty()) return std::nullopt;
  return read_watch(rows, 0);
}

std::vector<Id> matching_text_watches(Connection& connection, const domain::HistoryItem& item) {
  if (connection.query(kAnyTextWatch).text(0, 0) != "t") return {};
  const auto title = connection.query(kFoldedTitle, item.song_id);
  if (title.empty()) return {};
  const auto title_words = domain::folded_words(title.text(0, 0));
  const auto prefixes = domain::word_prefixes(title_words);
  if (prefixes.empty()) return {};
  const auto candidates =
      connection.query(kTextCandidates, std::string_view(joined(prefixes, " ")), item.channel_id);
  std::vector<Id> ids;
  for (int row = 0; row < candidates.rows(); ++row) {
    if (domain::text_watch_matches(domain::folded_words(candidates.text(row, 1)), title_words))
      ids.push_back(candidates.int64(row, 0));
  }
  return ids;
}

}  // namespace

std::vector<domain::Watch> PostgresStore::list_watches(Id user_id) {
  return with_connection([&](Connection& connection) {
    const auto rows = connection.query(kListWatches, user_id);
    std::vector<domain::Watch> watches;
    for (int row = 0; row < rows.rows(); ++row) watches.push_back(read_watch(rows, row));
    return watches;
  });
}

WatchAddition PostgresStore::add_watch(Id user_id, const domain::NewWatch& watch) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&]() -> WatchAddition {
      connection.query(kLockUser, user_id);
      if (watch.channel_id && connection.query(kChannelExists, *watch.channel_id).text(0, 0) != "t")
        return {WatchAddOutcome::unknown_channel, {}};
      const auto keys = watch_keys(connection, watch);
      if (!keys) return {WatchAddOutcome::unknown_song, {}};
      if (watch.kind != domain::WatchKind::song && keys->match_key.empty())
        return {WatchAddOutcome::nothing_to_match, {}};
      if (auto same = find_same(connection, user_id, watch, *keys))
        return {WatchAddOutcome::existing, std::move(same)};
      if (connection.query(kCount, user_id).int64(0, 0) >= domain::kMaxWatchesPerUser)
        return {WatchAddOutcome::limit_reached, {}};
      const auto inserted = connection.query(
          kInsert, user_id, domain::watch_kind_name(watch.kind), std::string_view(keys->value),
          std::string_view(keys->match_key), std::string_view(keys->lead_word),
          watch.song_id.value_or(0), watch.channel_id.value_or(0), domain::now());
      const auto added = connection.query(kWatchColumns + " WHERE w.id = $1", inserted.int64(0, 0));
      return {WatchAddOutcome::added, read_watch(added, 0)};
    });
  });
}

bool PostgresStore::remove_watch(Id user_id, Id watch_id) {
  return with_connection([&](Connection& connection) {
    return !connection.query(kRemoveWatch, watch_id, user_id).empty();
  });
}

std::string PostgresStore::ensure_watch_feed(Id user_id, std::string_view salt,
                                             std::string_view token_hash) {
  return with_connection([&](Connection& connection) {
    connection.query(kEnsureFeed, user_id, salt, token_hash);
    return connection.query(kFeedSalt, user_id).text(0, 0);
  });
}

void PostgresStore::replace_watch_feed(Id user_id, std::string_view salt,
                                       std::string_view token_hash) {
  with_connection(
      [&](Connection& connection) { connection.query(kReplaceFeed, user_id, salt, token_hash); });
}

std::optional<Id> PostgresStore::find_watch_feed_user(std::string_view token_hash) {
  return with_connection([&](Connection& connection) -> std::optional<Id> {
    const auto rows = connection.query(kFeedUser, token_hash);
    if (rows.empty()) return std::nullopt;
    return rows.int64(0, 0);
  });
}

std::vector<domain::WatchMatch> PostgresStore::claim_watch_matches(
    const domain::HistoryItem& item) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&] {
      const auto text_watches = matching_text_watches(connection, item);
      const auto claimed =
          connection.query(kClaim, item.id, domain::now(), item.song_id, item.channel_id,
                           std::string_view(joined_ids(text_watches)));
      std::vector<Id> ids;
      for (int row = 0; row < claimed.rows(); ++row) ids.push_back(claimed.int64(row, 0));
      if (ids.empty()) return std::vector<domain::WatchMatch>{};
      return read_matches(connection.query(kClaimed, item.id, std::string_view(joined_ids(ids))));
    });
  });
}

std::vector<domain::WatchMatch> PostgresStore::list_watch_matches(Id user_id, int limit,
                                                                  std::optional<Id> before) {
  return with_connection([&](Connection& connection) {
    return read_matches(connection.query(kUserMatches, user_id,
                                         before.value_or(std::numeric_limits<Id>::max()),
                                         std::int64_t{std::clamp(limit, 0, domain::kMaxPageSize)}));
  });
}

}  // namespace nicecream::store::postgres

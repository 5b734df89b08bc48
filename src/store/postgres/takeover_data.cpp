#include "store/postgres/takeover_data.hpp"

#include "domain/song_title.hpp"

namespace nicecream::store::postgres::takeover {

namespace {

// How many merges a report spells out; the rest are counted.
constexpr int kMergesListed = 20;
constexpr int kSplitBatch = 5000;

// Fits our check for any id below 10^8.
const std::string kReplacementName =
    "CASE WHEN channel_id < 1000 THEN 'channel' || channel_id ELSE 'ch' || channel_id END";

const std::string kOpenCounts =
    "CREATE TEMP TABLE takeover_counts (what text PRIMARY KEY, n bigint NOT NULL) ON COMMIT DROP";
const std::string kReadCount = "SELECT n FROM takeover_counts WHERE what = $1";

// Per table: which rows collapse into which lowest id, and what points at them.
struct Duplicates {
  std::string table;
  std::string key;          // what makes two rows the same
  std::string label;        // what a listed merge shows of the kept row `t`
  std::string what;         // "duplicate titles"
  std::string referencing;  // column name in the tables below
  std::vector<std::string> referencing_tables;
};

const Duplicates kSongs{
    "songs", "title", "t.title", "duplicate titles", "song_id", {"history", "bookmarks"}};
const Duplicates kUsers{"users",   "rtrim(sub)", "rtrim(t.sub)", "duplicate subjects",
                        "user_id", {"bookmarks"}};

std::string merge_table(const Duplicates& duplicates) {
  return "takeover_merge_" + duplicates.table;
}

void find_duplicates(Connection& connection, const Duplicates& d) {
  const auto merges = merge_table(d);
  connection.exec_script("CREATE TEMP TABLE " + merges +
                         " ON COMMIT DROP AS SELECT id AS old_id, new_id FROM"
                         " (SELECT id, min(id) OVER (PARTITION BY " +
                         d.key + ") AS new_id FROM " + d.table +
                         ") AS grouped WHERE id <> new_id;"
                         "ALTER TABLE " +
                         merges +
                         " ADD PRIMARY KEY (old_id);"
                         "ANALYZE " +
                         merges);
}

void list_merges(Connection& connection, const Duplicates& d, std::vector<std::string>& lines) {
  const auto merges = merge_table(d);
  const auto listed = connection.exec(
      "SELECT m.new_id, string_agg(m.old_id::text, ', ' ORDER BY m.old_id), " + d.label + " FROM " +
      merges + " AS m JOIN " + d.table + " AS t ON t.id = m.new_id" + " GROUP BY m.new_id, " +
      d.label + " ORDER BY m.new_id LIMIT " + std::to_string(kMergesListed));
  for (int row = 0; row < listed.rows(); ++row)
    lines.push_back("  " + d.table + " " + listed.text(row, 1) + " -> " + listed.text(row, 0) +
                    " (" + listed.text(row, 2) + ")");
}

void merge_duplicates(Connection& connection, const Duplicates& d,
                      std::vector<std::string>& lines) {
  find_duplicates(connection, d);
  const auto merges = merge_table(d);
  const auto sizes = connection.exec("SELECT count(DISTINCT new_id), count(*) FROM " + merges);
  const auto groups = sizes.int64(0, 0);
  const auto merged = sizes.int64(0, 1);
  auto line = d.table + ": " + std::to_string(groups) + " " + d.what + ", " +
              std::to_string(merged) + " ids merged into " + std::to_string(groups);
  for (const auto& table : d.referencing_tables) {
    const auto moved = count_rows(connection, d.table + " repointed in " + table,
                                  "WITH done AS (UPDATE " + table + " AS r SET " + d.referencing +
                                      " = m.new_id FROM " + merges + " AS m WHERE r." +
                                      d.referencing + " = m.old_id RETURNING 1)");
    line += "; " + table + " repointed: " + std::to_string(moved);
  }
  lines.push_back(line);
  if (merged > 0) list_merges(connection, d, lines);
  if (merged > kMergesListed) lines.push_back("  ...");
  count_rows(connection, d.table + " merged away",
             "WITH done AS (DELETE FROM " + d.table + " AS t USING " + merges +
                 " AS m WHERE t.id = m.old_id RETURNING 1)");
}

// A text[] literal: every element quoted, with backslash and double quote escaped.
std::string array_literal(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (const auto& value : values) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char character : value) {
      if (character == '"' || character == '\\') literal += '\\';
      literal += character;
    }
    literal += '"';
  }
  return literal + "}";
}

const std::string kSongsAfter =
    "SELECT id, title FROM songs WHERE id > $1 ORDER BY id LIMIT " + std::to_string(kSplitBatch);
const std::string kSetArtistAndTrack =
    "UPDATE songs AS s SET artist = v.artist, track = v.track"
    " FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v (id, artist, track)"
    " WHERE s.id = v.id";

}  // namespace

void open_counts(Connection& connection) {
  connection.exec(kOpenCounts);
}

std::int64_t count_rows(Connection& connection, const std::string& what,
                        const std::string& statement) {
  connection.exec_script(statement + " INSERT INTO takeover_counts SELECT '" + what +
                         "', count(*) FROM done");
  return connection.query(kReadCount, what).int64(0, 0);
}

void report_sizes(Connection& connection, std::vector<std::string>& lines) {
  std::string line = "found:";
  for (const std::string table : {"channels", "songs", "history", "users", "bookmarks"}) {
    const auto n = count_rows(connection, table, "WITH done AS (SELECT 1 FROM " + table + ")");
    line += " " + table + " " + std::to_string(n) + (table == "bookmarks" ? "" : ",");
  }
  lines.push_back(line);
}

void merge_duplicate_songs(Connection& connection, std::vector<std::string>& lines) {
  merge_duplicates(connection, kSongs, lines);
}

void merge_duplicate_users(Connection& connection, std::vector<std::string>& lines) {
  merge_duplicates(connection, kUsers, lines);
}

void collapse_duplicate_bookmarks(Connection& connection, std::vector<std::string>& lines) {
  const auto collapsed =
      count_rows(connection, "bookmarks collapsed",
                 "WITH ranked AS (SELECT id, row_number() OVER (PARTITION BY user_id, song_id"
                 " ORDER BY created_at NULLS LAST, id) AS n FROM bookmarks),"
                 " done AS (DELETE FROM bookmarks AS b USING ranked AS r"
                 " WHERE b.id = r.id AND r.n > 1 RETURNING 1)");
  lines.push_back("bookmarks: " + std::to_string(collapsed) +
                  " duplicates of the same (user, song) collapsed into the earliest");
}

void rename_unfit_channels(Connection& connection, std::vector<std::string>& lines) {
  connection.exec_script(
      "CREATE TEMP TABLE takeover_channel_names ON COMMIT DROP AS"
      " SELECT id AS channel_id, name FROM channels AS c"
      " WHERE char_length(name) NOT BETWEEN 1 AND 10"
      " OR EXISTS (SELECT 1 FROM channels AS d WHERE d.name = c.name AND d.id < c.id)");
  const auto renamed = connection.exec("SELECT channel_id, name, " + kReplacementName +
                                       " FROM takeover_channel_names"
                                       " ORDER BY channel_id");
  if (renamed.empty()) return;
  connection.exec_script(
      "CREATE TABLE original_channel_names (channel_id bigint PRIMARY KEY, name text NOT NULL);"
      "INSERT INTO original_channel_names SELECT channel_id, name FROM takeover_channel_names;"
      "UPDATE channels AS c SET name = " +
      kReplacementName +
      " FROM takeover_channel_names AS t"
      " WHERE t.channel_id = c.id");
  for (int row = 0; row < renamed.rows(); ++row)
    lines.push_back("channels: " + renamed.text(row, 0) + " '" + renamed.text(row, 1) +
                    "' renamed '" + renamed.text(row, 2) +
                    "' (empty, too long or taken; kept in original_channel_names)");
}

void fill_artist_and_track(Connection& connection) {
  std::int64_t after = 0;
  for (;;) {
    const auto songs = connection.query(kSongsAfter, after);
    if (songs.empty()) return;
    std::vector<std::string> ids, artists, tracks;
    for (int row = 0; row < songs.rows(); ++row) {
      auto split = domain::split_artist_and_track(songs.text(row, 1));
      ids.push_back(songs.text(row, 0));
      artists.push_back(std::move(split.artist));
      tracks.push_back(std::move(split.track));
    }
    connection.query(kSetArtistAndTrack, array_literal(ids), array_literal(artists),
                     array_literal(tracks));
    after = songs.int64(songs.rows() - 1, 0);
  }
}

}  // namespace nicecream::store::postgres::takeover

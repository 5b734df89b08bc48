#include "store/sqlite/search_match.hpp"

#include "domain/search_words.hpp"

namespace nicecream::store::sqlite {

namespace {

// An FTS5 string: inside double quotes, a double quote is written twice.
std::string fts5_string(std::string_view word) {
  std::string out = "\"";
  for (const char byte : word) {
    if (byte == '"') out += '"';
    out += byte;
  }
  return out + '"';
}

// FTS5 gives its matches in rowid order without sorting them.
const std::string kMatchingSongIds =
    "SELECT rowid FROM songs_search WHERE songs_search MATCH ?1 ORDER BY rowid";
const std::string kSongPlays = "SELECT plays FROM song_plays WHERE song_id = ?1";

}  // namespace

std::optional<std::string> fts5_match(std::string_view text) {
  const auto words = domain::search_words(text);
  if (words.empty()) return std::nullopt;
  std::string match;
  for (const auto& word : words) {
    if (!match.empty()) match += ' ';
    match += fts5_string(word);
  }
  return match + '*';
}

SortedIds matching_song_ids(Connection& connection, const std::string& match) {
  SortedIds songs;
  auto rows = connection.prepare(kMatchingSongIds);
  rows.bind_all(match);
  while (rows.step()) songs.ids.push_back(rows.int64(0));
  return songs;
}

std::optional<std::int64_t> song_plays(Connection& connection, domain::Id song_id) {
  auto plays = connection.prepare(kSongPlays);
  if (!plays.bind_all(song_id).step()) return std::nullopt;
  return plays.int64(0);
}

}  // namespace nicecream::store::sqlite

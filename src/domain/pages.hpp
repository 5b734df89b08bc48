#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/models.hpp"

namespace nicecream::domain {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 100;

// A page is either keyset (`before`: items with id < before) or, for the original's clients,
// OFFSET.
struct HistoryQuery {
  std::optional<Id> channel_id;  // absent = all channels
  std::optional<Id> song_id;     // only that song's airings
  std::optional<Id> artist_id;   // only the airings of that artist's songs
  // Every word of search_words(*text) in the song title, case- and diacritics-insensitive, the
  // last word as a prefix; no words at all matches nothing.
  std::optional<std::string> text;
  std::optional<Timestamp> from;  // created_at >= from
  std::optional<Timestamp> to;    // created_at < to
  std::optional<Id> before;
  std::int64_t offset = 0;
  int limit = kDefaultPageSize;
  std::optional<Id> viewer_user_id;  // fills bookmark_id for this user
};

struct BookmarkQuery {
  Id user_id = 0;
  std::optional<Id> before;
  std::int64_t offset = 0;
  int limit = kDefaultPageSize;
};

}  // namespace nicecream::domain

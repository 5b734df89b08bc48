#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/models.hpp"

namespace nicecream::domain {

// "Tell me when it plays again" (issue 15): a song, an artist (by its folded name, as /artists
// groups spellings) or words (as `q` matches titles), optionally on one channel.
enum class WatchKind { song, artist, text };

std::string_view watch_kind_name(WatchKind kind);
std::optional<WatchKind> parse_watch_kind(std::string_view name);

// At most this many watches a user: matching costs grow with them.
inline constexpr int kMaxWatchesPerUser = 100;

struct Watch {
  Id id = 0;
  Id user_id = 0;
  WatchKind kind = WatchKind::song;
  std::string value;  // the song's title for a song watch, else what the user typed (trimmed)
  std::optional<Id> song_id;
  std::optional<Id> channel_id;
  Timestamp created_at{};
};

struct NewWatch {
  WatchKind kind = WatchKind::song;
  std::string value;  // artist or words, trimmed; ignored for a song watch
  std::optional<Id> song_id;
  std::optional<Id> channel_id;
};

// A recorded airing that matched a watch, claimed once (whichever process recorded it).
struct WatchMatch {
  Id watch_id = 0;
  Id user_id = 0;
  std::string kind;
  std::string value;
  HistoryItem item;
  std::string channel_name;
};

}  // namespace nicecream::domain

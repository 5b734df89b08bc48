#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/models.hpp"
#include "domain/pages.hpp"

namespace nicecream::domain {

// Songs, artists and charts: read from the play rollups that record_title keeps in step with the
// history, never from a scan of the history itself.

inline constexpr int kDefaultChartSize = 20;
inline constexpr int kMaxChartSize = 100;
inline constexpr std::size_t kMaxSearchLength = 200;  // characters of `q`

struct SongSummary {
  Id id = 0;
  std::string title;
  std::string artist;  // as split from the title; empty when it has no "Artist - Track" shape
  std::string track;
  std::optional<Id> artist_id;  // the artist it is grouped under, when it has one
  std::int64_t plays = 0;
  Timestamp first_played_at{};
  Timestamp last_played_at{};
};

struct ChannelPlays {
  Id channel_id = 0;
  std::int64_t plays = 0;
  Timestamp last_played_at{};
};

struct SongDetail {
  SongSummary song;
  std::vector<ChannelPlays> channels;  // by channel id
};

// Plays of one song in one quarter hour (UTC). Quarter hours, not hours, so that every real zone
// (+05:30, +05:45) maps each slot to one local hour.
inline constexpr std::int64_t kSlotSeconds = 900;

// Slot k covers [k * 900 s, (k + 1) * 900 s) of Unix time, as the rollups number them. A range
// [from, to) holds the slots that start in it: from first_slot_from(from) up to, not including,
// first_slot_from(to).
inline std::int64_t first_slot_from(Timestamp at) {
  constexpr std::int64_t slot_micros = kSlotSeconds * 1'000'000;
  const std::int64_t micros =
      std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
  // Division rounds toward zero, which is up for negative times and down for positive ones.
  return micros / slot_micros + (micros % slot_micros > 0 ? 1 : 0);
}

inline Timestamp slot_start(std::int64_t slot) {
  return Timestamp{std::chrono::seconds{slot * kSlotSeconds}};
}
struct SlotPlays {
  Timestamp slot_start{};
  std::int64_t plays = 0;
};

// `/songs` and `/artists`: with `text` (matched like HistoryQuery::text) by relevance then plays;
// without, most played first. OFFSET pages only.
struct CatalogQuery {
  std::optional<std::string> text;
  std::int64_t offset = 0;
  int limit = kDefaultPageSize;
};

struct ArtistSummary {
  Id id = 0;
  std::string name;  // the spelling seen on the most songs
  std::int64_t songs = 0;
  std::int64_t plays = 0;
  Timestamp last_played_at{};
};

struct ArtistSong {
  Id id = 0;
  std::string title;
  std::string track;
  std::int64_t plays = 0;
  Timestamp last_played_at{};
};

struct ArtistDetail {
  ArtistSummary artist;
  std::vector<ArtistSong> songs;  // most played first
};

enum class ChartSubject { song, artist };

// Plays in [from, to), ranked; previous_rank is the rank in [from - (to - from), from).
struct ChartQuery {
  ChartSubject by = ChartSubject::song;
  std::optional<Id> channel_id;
  Timestamp from{};
  Timestamp to{};
  int limit = kDefaultChartSize;
};

struct ChartEntry {
  // 1-based, never shared: ties go to the latest quarter hour played, then the lower id.
  int rank = 0;
  std::int64_t plays = 0;
  std::optional<int> previous_rank;  // absent when not within `limit` in the previous window
  Id id = 0;                         // song or artist id
  std::string name;                  // song title or artist name
};

}  // namespace nicecream::domain

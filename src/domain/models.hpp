#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace nicecream::domain {

using Id = std::int64_t;
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

struct Channel {
  Id id = 0;
  std::string name;
  std::string url;
  std::string format = "auto";  // a SourceFormat name, see source_format.hpp
  std::string title_pointer;    // JSON Pointer to the title, for the "json" format
  bool paused = false;          // kept, but not polled (an admin paused it)
};

struct NewChannel {
  std::string name;
  std::string url;
  std::string format = "auto";
  std::string title_pointer;
};

struct Song {
  Id id = 0;
  std::string title;
  std::string artist;  // empty when the title has no "Artist - Track" shape
  std::string track;
};

struct HistoryItem {
  Id id = 0;
  Timestamp created_at{};
  Id song_id = 0;
  std::string song_title;
  Id channel_id = 0;
  Id bookmark_id = 0;  // 0 when not bookmarked or anonymous
};

struct User {
  Id id = 0;
  std::string sub;
  std::string picture;
  std::string given_name;
  std::string family_name;
  std::string email{};  // verified by the identity provider; empty when it was not (or not shared)
};

// What an identity provider tells us about a person; users are matched by `sub` only.
struct UserClaims {
  std::string sub;
  std::string picture;
  std::string given_name;
  std::string family_name;
  std::string email{};  // only when the provider says it is verified (email_verified)
};

struct Bookmark {
  Id id = 0;
  Timestamp created_at{};
  Id song_id = 0;
  std::string song_title;
  Id user_id = 0;
};

Timestamp now();

}  // namespace nicecream::domain

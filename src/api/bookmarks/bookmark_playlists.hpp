#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::api {

// The formats of GET /user/bookmarks/export: data (csv, json) and playlists that music players
// import (m3u, xspf). Stations give titles, not media, so each playlist entry points at a search
// for the song (as the app's YouTube link does).
enum class BookmarkFormat { csv, json, m3u, xspf };
std::optional<BookmarkFormat> parse_bookmark_format(std::string_view name);

struct BookmarkDownload {
  std::string body;
  std::string content_type;
  std::string file_name;
};

// The bookmarks in the order given (newest first, as /user/bookmarks lists them).
BookmarkDownload write_bookmarks(const std::vector<domain::Bookmark>& bookmarks,
                                 BookmarkFormat format);

// Where a player or a person can look the song up: a YouTube search for its title.
std::string song_search_url(std::string_view title);

}  // namespace nicecream::api

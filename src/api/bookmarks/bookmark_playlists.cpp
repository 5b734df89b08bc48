#include "api/bookmarks/bookmark_playlists.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/url.hpp>

#include "api/common/xml_text.hpp"
#include "domain/csv.hpp"
#include "domain/song_title.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

std::string write_csv(const std::vector<domain::Bookmark>& bookmarks) {
  std::string out = "id,created_at,song_id,song_title,artist,track\r\n";
  for (const auto& bookmark : bookmarks) {
    const auto song = domain::split_artist_and_track(bookmark.song_title);
    out += std::to_string(bookmark.id) + ',' + domain::format_timestamp(bookmark.created_at) + ',' +
           std::to_string(bookmark.song_id) + ',' + domain::csv_field(bookmark.song_title) + ',' +
           domain::csv_field(song.artist) + ',' + domain::csv_field(song.track) + "\r\n";
  }
  return out;
}

std::string write_json(const std::vector<domain::Bookmark>& bookmarks) {
  boost::json::array out;
  for (const auto& bookmark : bookmarks) {
    const auto song = domain::split_artist_and_track(bookmark.song_title);
    out.emplace_back(
        boost::json::object{{"id", bookmark.id},
                            {"created_at", domain::format_timestamp(bookmark.created_at)},
                            {"song_id", bookmark.song_id},
                            {"song_title", bookmark.song_title},
                            {"artist", song.artist},
                            {"track", song.track}});
  }
  return boost::json::serialize(out) + "\n";
}

// "Artist - Track" as players show it; a line break would end the #EXTINF line early.
std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\r' || c == '\n') c = ' ';
  return text;
}

std::string write_m3u(const std::vector<domain::Bookmark>& bookmarks) {
  std::string out = "#EXTM3U\n";
  for (const auto& bookmark : bookmarks) {
    out += "#EXTINF:-1," + one_line(bookmark.song_title) + "\n";
    out += song_search_url(bookmark.song_title) + "\n";
  }
  return out;
}

std::string write_xspf(const std::vector<domain::Bookmark>& bookmarks) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\">\n"
      "<title>Nicecream bookmarks</title>\n<trackList>\n";
  for (const auto& bookmark : bookmarks) {
    const auto song = domain::split_artist_and_track(bookmark.song_title);
    out += "<track>";
    if (!song.artist.empty()) out += "<creator>" + xml_text(song.artist) + "</creator>";
    out += "<title>" + xml_text(song.track) + "</title>";
    out += "<info>" + xml_text(song_search_url(bookmark.song_title)) + "</info>";
    out +=
        "<annotation>Bookmarked " + domain::format_timestamp(bookmark.created_at) + "</annotation>";
    out += "</track>\n";
  }
  return out + "</trackList>\n</playlist>\n";
}

}  // namespace

std::optional<BookmarkFormat> parse_bookmark_format(std::string_view name) {
  if (name == "csv") return BookmarkFormat::csv;
  if (name == "json") return BookmarkFormat::json;
  if (name == "m3u") return BookmarkFormat::m3u;
  if (name == "xspf") return BookmarkFormat::xspf;
  return std::nullopt;
}

std::string song_search_url(std::string_view title) {
  boost::urls::url link("https://www.youtube.com/results");
  link.params().append({"search_query", title});
  return std::string(link.buffer());
}

BookmarkDownload write_bookmarks(const std::vector<domain::Bookmark>& bookmarks,
                                 BookmarkFormat format) {
  switch (format) {
    case BookmarkFormat::csv:
      return {write_csv(bookmarks), "text/csv; charset=utf-8", "nicecream-bookmarks.csv"};
    case BookmarkFormat::json:
      return {write_json(bookmarks), "application/json", "nicecream-bookmarks.json"};
    case BookmarkFormat::m3u:
      return {write_m3u(bookmarks), "audio/x-mpegurl; charset=utf-8", "nicecream-bookmarks.m3u8"};
    case BookmarkFormat::xspf:
      return {write_xspf(bookmarks), "application/xspf+xml", "nicecream-bookmarks.xspf"};
  }
  return {};
}

}  // namespace nicecream::api

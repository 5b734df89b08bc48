#include "api/history/export_file_name.hpp"

#include <cctype>

#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

constexpr std::size_t kMaxSearchPart = 40;

// The search's ASCII letters and digits, lower-cased, words joined by dashes (others dropped).
std::string search_part(std::string_view text) {
  std::string part;
  bool gap = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && std::isalnum(byte)) {
      if (gap && !part.empty()) part += '-';
      part += static_cast<char>(std::tolower(byte));
      gap = false;
    } else {
      gap = true;
    }
    if (part.size() >= kMaxSearchPart) break;
  }
  return part;
}

// 2026-12-01T00:00:00.000000+00:00 -> 20261201T000000Z
std::string time_part(domain::Timestamp at) {
  std::string part;
  for (const char c : domain::format_timestamp(at)) {
    if (c == '.') break;
    if (c != '-' && c != ':') part += c;
  }
  return part + 'Z';
}

}  // namespace

std::string export_file_name(const domain::HistoryQuery& filters, std::string_view extension) {
  std::string name = "nicecream-history";
  if (filters.channel_id) name += "-channel-" + std::to_string(*filters.channel_id);
  if (filters.song_id) name += "-song-" + std::to_string(*filters.song_id);
  if (filters.artist_id) name += "-artist-" + std::to_string(*filters.artist_id);
  if (filters.text) {
    const auto words = search_part(*filters.text);
    name += words.empty() ? "-search" : "-" + words;
  }
  if (filters.from) name += "-from-" + time_part(*filters.from);
  if (filters.to) name += "-to-" + time_part(*filters.to);
  return name + "." + std::string(extension);
}

}  // namespace nicecream::api

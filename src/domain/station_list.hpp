#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::domain {

// Station lists people already have: M3U (plain or #EXTINF), PLS, and CSV with the columns
// `channels export` writes (name,url[,format[,title_pointer]]; a header line is skipped).
enum class StationListFormat { m3u, pls, csv };
// By the file's extension (.m3u, .m3u8, .pls, .csv); nullopt for anything else.
std::optional<StationListFormat> station_list_format(std::string_view file_name);

struct ListedStation {
  int line = 0;
  NewChannel channel;  // the name as listed (maybe empty or long: see fit_channel_name)
};
struct UnusableLine {
  int line = 0;
  std::string reason;
};
struct StationList {
  std::vector<ListedStation> stations;
  std::vector<UnusableLine> unusable;
};

StationList parse_station_list(std::string_view text, StationListFormat format);

// A channel name for a listed title: at most kMaxChannelNameLength bytes, cut on a character
// boundary, the URL's host when the title is empty, and a number at its end when `taken` has it.
std::string fit_channel_name(std::string_view title, std::string_view url,
                             const std::set<std::string>& taken);

}  // namespace nicecream::domain

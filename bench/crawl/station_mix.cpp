#include "station_mix.hpp"

#include <array>
#include <stdexcept>

namespace nicecream::bench {

namespace {

// Where each format is on the emulator, and how a channel names it.
struct Source {
  std::string_view resource;
  std::string_view format;
  std::string_view title_pointer = {};
};

constexpr Source kIcy{"stream", "icy"};
// Every format the crawler reads besides ICY (SHOUTcast v2 in both its plain and JSON answers).
constexpr std::array<Source, 6> kOthers{{{"display.js", "voscast"},
                                         {"status-json.xsl", "icecast"},
                                         {"currentsong", "shoutcast2"},
                                         {"stats?sid=1&json=1", "shoutcast2"},
                                         {"7.html", "shoutcast1"},
                                         {"nowplaying", "json", "/now_playing/song/text"}}};

const Source& source_for(int index, Mix mix) {
  const auto& other = kOthers[static_cast<std::size_t>(index) % kOthers.size()];
  switch (mix) {
    case Mix::icy:
      return kIcy;
    case Mix::other:
      return other;
    case Mix::all:
      break;
  }
  return index % 10 == 9 ? kIcy : other;
}

}  // namespace

Mix parse_mix(std::string_view name) {
  if (name == "all") return Mix::all;
  if (name == "icy") return Mix::icy;
  if (name == "other") return Mix::other;
  throw std::invalid_argument("--mix is all, icy or other, not " + std::string(name));
}

void add_stations(store::Store& store, const std::vector<std::string>& bases, int count, Mix mix) {
  for (const auto& seeded : store.list_channels()) store.remove_channel(seeded.id);
  for (int i = 0; i < count; ++i) {
    const auto station = "station" + std::to_string(i);
    const auto& source = source_for(i, mix);
    auto url = bases[static_cast<std::size_t>(i) % bases.size()] + "/" + station + "/" +
               std::string(source.resource);
    if (source.format == "icecast") url += "#/" + station;  // this station's mount
    store.add_channel({"s" + std::to_string(i), url, std::string(source.format),
                       std::string(source.title_pointer)});
  }
}

}  // namespace nicecream::bench

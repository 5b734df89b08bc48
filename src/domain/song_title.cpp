#include "domain/song_title.hpp"

namespace nicecream::domain {

namespace {
std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}
}  // namespace

ArtistAndTrack split_artist_and_track(std::string_view title) {
  constexpr std::string_view separator = " - ";
  const auto at = title.find(separator);
  if (at == std::string_view::npos) return {"", std::string(trim(title))};
  auto artist = trim(title.substr(0, at));
  auto track = trim(title.substr(at + separator.size()));
  if (artist.empty() || track.empty()) return {"", std::string(trim(title))};
  return {std::string(artist), std::string(track)};
}

}  // namespace nicecream::domain

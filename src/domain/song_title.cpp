#include "domain/song_title.hpp"

#include "domain/text.hpp"

namespace nicecream::domain {

ArtistAndTrack split_artist_and_track(std::string_view title) {
  constexpr std::string_view separator = " - ";
  const auto at = title.find(separator);
  if (at == std::string_view::npos) return {"", std::string(trim(title, kBlanks))};
  auto artist = trim(title.substr(0, at), kBlanks);
  auto track = trim(title.substr(at + separator.size()), kBlanks);
  if (artist.empty() || track.empty()) return {"", std::string(trim(title, kBlanks))};
  return {std::string(artist), std::string(track)};
}

}  // namespace nicecream::domain

#pragma once

#include <string>
#include <string_view>

namespace nicecream::domain {

struct ArtistAndTrack {
  std::string artist;  // empty when the title has no " - " separator
  std::string track;
};

// Splits "Artist - Track" at the first " - "; a title without one is all track.
ArtistAndTrack split_artist_and_track(std::string_view title);

}  // namespace nicecream::domain

#pragma once

#include <string_view>

#include "crawler/sources/parse_result.hpp"

namespace nicecream::crawler::sources {

// Pointers tried, in order, when a JSON channel names none (AzuraCast, SHOUTcast, common APIs).
inline constexpr std::string_view kWellKnownTitlePointers[] = {
    "/now_playing/song/text", "/songtitle", "/title", "/song/title", "/now_playing/title"};

// Any JSON answer, its title at an RFC 6901 JSON Pointer, e.g. AzuraCast's
// `/api/nowplaying/<station>` with `/now_playing/song/text`. An empty pointer tries the
// well-known ones.
ParseResult parse_json_pointer(std::string_view body, std::string_view pointer);

}  // namespace nicecream::crawler::sources

#pragma once

#include <string>
#include <string_view>

#include "crawler/sources/parse_result.hpp"

namespace nicecream::crawler::sources {

// The mount a channel URL names in its fragment (`.../status-json.xsl#/live` -> "/live"); empty
// when it names none.
std::string icecast_mount_from_url(std::string_view url);

// An Icecast `status-json.xsl` answer. `icestats.source` is an object (one mount) or an array;
// the source whose listenurl path or server_name equals `mount` is read, else the first one.
// Its title is `artist - title` when both are given, else whichever is.
ParseResult parse_icecast_status(std::string_view body, std::string_view mount);

}  // namespace nicecream::crawler::sources

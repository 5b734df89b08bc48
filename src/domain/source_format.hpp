#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nicecream::domain {

// How a channel's now-playing source speaks; stored by name.
enum class SourceFormat { automatic, voscast, icecast, shoutcast_v2, shoutcast_v1, icy, json };

std::string_view to_string(SourceFormat format);
std::optional<SourceFormat> parse_source_format(std::string_view name);
// Every name, for people: "auto, voscast, icecast, shoutcast2, shoutcast1, icy or json".
std::string source_format_names();

}  // namespace nicecream::domain

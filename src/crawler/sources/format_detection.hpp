#pragma once

#include <optional>
#include <string_view>

#include "domain/source_format.hpp"

namespace nicecream::crawler::sources {

// What a channel URL's path gives away: display.js (voscast), status-json.xsl (icecast),
// /currentsong or /stats (shoutcast2), /7.html (shoutcast1), *.json or /api/nowplaying (json).
std::optional<domain::SourceFormat> format_from_url(std::string_view url);

// What the answer gives away: an icy-metaint header or an audio Content-Type (icy), an Icecast
// or SHOUTcast document, a voscast call, any other JSON (json).
std::optional<domain::SourceFormat> format_from_answer(std::string_view content_type,
                                                       bool has_icy_metaint, std::string_view body);

}  // namespace nicecream::crawler::sources

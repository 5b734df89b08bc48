#pragma once

#include <string_view>

#include "crawler/sources/parse_result.hpp"

namespace nicecream::crawler::sources {

// A SHOUTcast v2 answer: `/currentsong?sid=N` (the title as plain text), `/stats?sid=N&json=1`
// (JSON with `songtitle`) or `/stats?sid=N` (XML with `<SONGTITLE>`).
ParseResult parse_shoutcast_v2(std::string_view body);

// A SHOUTcast v1 `/7.html` answer:
// `<html><body>listeners,status,peak,max,unique,bitrate,songtitle</body></html>`; the title is
// everything after the sixth comma, commas included.
ParseResult parse_shoutcast_v1(std::string_view body);

}  // namespace nicecream::crawler::sources

#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "crawler/sources/parse_result.hpp"

namespace nicecream::crawler::sources {

// Parses a JSON document; nothing when it is not one.
std::optional<boost::json::value> parse_json(std::string_view body);

// A title-like JSON value: strings as they are, numbers written out (a track called 1999), null
// and missing as no song; objects, arrays and booleans are not titles.
ParseResult title_from_json(const boost::json::value* value, std::string_view what);

}  // namespace nicecream::crawler::sources

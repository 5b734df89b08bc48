#pragma once

#include <string_view>

#include "crawler/sources/parse_result.hpp"

namespace nicecream::crawler::sources {

// A voscast `display.js` answer: `({"songtitle":"<title>"})`, possibly inside a JavaScript call
// or `document.write(...)`. Also reads a bare `document.write("<title>")`. The title is returned
// raw (tags and entities left for the normaliser); JavaScript escapes are decoded.
ParseResult parse_voscast(std::string_view body);

}  // namespace nicecream::crawler::sources

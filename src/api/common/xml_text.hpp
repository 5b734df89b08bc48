#pragma once

#include <string>
#include <string_view>

namespace nicecream::api {

// Text (UTF-8) as XML 1.0 character data or an attribute value in double quotes: &, <, >, " and '
// escaped, and the control characters XML 1.0 cannot carry at all (all below U+0020 but tab, line
// feed and carriage return) dropped, so a station's odd title cannot break a feed or playlist.
std::string xml_text(std::string_view text);

}  // namespace nicecream::api

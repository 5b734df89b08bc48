#pragma once

#include <string_view>
#include <vector>

namespace nicecream::api {

// The items of a header's list, e.g. "GET, POST" -> {"GET", "POST"}, or with ';' the parameters
// of one item; blanks around items dropped, empty items skipped.
std::vector<std::string_view> header_list_items(std::string_view value, char separator = ',');

}  // namespace nicecream::api

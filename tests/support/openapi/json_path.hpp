#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nicecream::support::openapi {

// JSONPath-style locations for messages: "$.detail.header[\"X-Csrf-Token\"]", "$[3].id".
std::string json_path_member(const std::string& parent, std::string_view name);
std::string json_path_index(const std::string& parent, std::size_t index);

}  // namespace nicecream::support::openapi

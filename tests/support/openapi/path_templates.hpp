#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nicecream::support::openapi {

// The names of a path template's parameters: "/user/bookmarks/{bookmark_id}" -> {"bookmark_id"}.
std::vector<std::string> template_parameters(std::string_view path_template);

// Of `templates`, the one that `path` (a query string is ignored) falls under; literal segments
// win over parameters, as OpenAPI says ("/docs/" before "/{page}/").
std::optional<std::string> match_path_template(const std::vector<std::string>& templates,
                                               std::string_view path);

}  // namespace nicecream::support::openapi

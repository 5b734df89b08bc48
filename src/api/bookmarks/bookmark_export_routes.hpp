#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /user/bookmarks/export?format=csv|json|m3u|xspf: the signed-in user's bookmarks as a file.
void add_bookmark_export_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET and POST /user/bookmarks, DELETE /user/bookmarks/{bookmark_id}.
void add_bookmark_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /history: pages of the history, newest first.
void add_history_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

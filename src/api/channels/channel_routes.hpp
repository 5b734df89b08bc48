#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /channels.
void add_channel_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

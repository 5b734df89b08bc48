#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /charts: the most played songs or artists of a window, with their rank in the window
// before it; public.
void add_chart_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

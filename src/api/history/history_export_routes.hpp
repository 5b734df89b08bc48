#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /history/export?format=csv|ndjson: the whole filtered history as one streamed download.
void add_history_export_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

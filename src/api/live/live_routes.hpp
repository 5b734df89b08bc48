#pragma once

#include "api/common/client_limits.hpp"
#include "api/common/route_table.hpp"
#include "api/live/live_hub.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /history/events: the live history as Server-Sent Events, each stream counted in `streams`
// against its client address.
void add_live_routes(RouteTable& routes, Services& services, StreamCounter& streams, LiveHub& hub);

}  // namespace nicecream::api

#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// POST /channels/probe {url, format?, title_pointer?}: reads the station once, as the crawler
// would (Services::probe_channel), so an admin sees its format and title before saving it.
void add_channel_probe_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

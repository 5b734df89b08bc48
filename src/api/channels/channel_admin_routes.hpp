#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// POST /channels, PATCH and DELETE /channels/{channel_id}: admins only (common/admin_guard.hpp),
// write-limited, each change logged with the admin's subject and published as `event: channel`.
void add_channel_admin_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

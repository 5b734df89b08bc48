#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /push/vapid-public-key; POST and DELETE /user/push-subscriptions (Web Push, issue 15).
void add_push_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

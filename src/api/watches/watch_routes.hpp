#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// "Tell me when it plays again" (issue 15): GET/POST /user/watches, DELETE
// /user/watches/{watch_id}, POST /user/watches/feed-token, and the private feed
// GET /feeds/watches/{token}.atom (no cookie: the token is the credential).
void add_watch_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

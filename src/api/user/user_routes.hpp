#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /user and /user/sign_out.
void add_user_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /user/google and its callback: sign-in with the OpenID provider.
void add_sign_in_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

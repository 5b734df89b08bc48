#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"
#include "api/web/static_files.hpp"

namespace nicecream::api {

// GET /: the web app, which routes itself in the browser (see spa_fallback.hpp for its pages).
void add_web_routes(RouteTable& routes, Services& services, StaticFiles& web_files);

}  // namespace nicecream::api

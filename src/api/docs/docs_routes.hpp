#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"
#include "api/web/static_files.hpp"

namespace nicecream::api {

// GET /openapi.json and Swagger UI at /docs/.
void add_docs_routes(RouteTable& routes, Services& services, StaticFiles& web_files);

}  // namespace nicecream::api

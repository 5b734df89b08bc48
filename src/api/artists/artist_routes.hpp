#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /artists, /artists/{artist_id}, /artists/{artist_id}/stats: artists as split from song
// titles, public.
void add_artist_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

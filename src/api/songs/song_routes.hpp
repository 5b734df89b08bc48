#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// GET /songs, /songs/{song_id}, /songs/{song_id}/stats: the catalog of songs, public.
void add_song_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

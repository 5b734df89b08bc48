#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// Atom feeds of the latest airings: GET /channels/{channel_id}/feed.atom,
// /songs/{song_id}/feed.atom and /history/feed.atom?q= (a saved search). Conditional GETs
// (If-None-Match, If-Modified-Since) answer 304.
void add_feed_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

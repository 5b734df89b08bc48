#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// The embeddable now-playing page: GET /embed/channels/{channel_id}[?theme=light|dark|auto], the
// one page other sites may frame (API_EMBED_ORIGINS), and its oEmbed answer: GET /oembed?url=…
// (rich type, JSON).
void add_embed_routes(RouteTable& routes, Services& services);

}  // namespace nicecream::api

#pragma once

#include <optional>
#include <string>

#include "api/client_limits.hpp"
#include "api/live_hub.hpp"
#include "api/services.hpp"
#include "api/static_files.hpp"
#include "http/router.hpp"

namespace nicecream::api {

// One function per resource file, each adding its routes.
void add_channel_routes(http::Router& router, Services& services);
void add_history_routes(http::Router& router, Services& services);
void add_event_routes(http::Router& router, Services& services, StreamCounter& streams,
                      LiveHub& hub);
void add_user_routes(http::Router& router, Services& services);
void add_sign_in_routes(http::Router& router, Services& services);
void add_bookmark_routes(http::Router& router, Services& services);
void add_docs_routes(http::Router& router, Services& services, StaticFiles& web_files);
void add_web_routes(http::Router& router, Services& services, StaticFiles& web_files);

// A file of the built web app (nullopt when there is none at that path).
boost::asio::awaitable<std::optional<http::Response>> serve_web_file(Services& services,
                                                                     StaticFiles& files,
                                                                     std::string relative_path);

}  // namespace nicecream::api

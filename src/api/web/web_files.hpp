#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>

#include "api/services.hpp"
#include "api/web/static_files.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// A file of the built web app, with its caching rule; nullopt when there is none at that path.
boost::asio::awaitable<std::optional<http::Response>> serve_web_file(Services& services,
                                                                     StaticFiles& files,
                                                                     std::string relative_path);

// The web app's index.html, or a 404 saying how to build the app.
boost::asio::awaitable<http::Response> serve_web_app(Services& services, StaticFiles& files);

}  // namespace nicecream::api

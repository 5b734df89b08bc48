#pragma once

#include "config/config.hpp"
#include "http/server.hpp"

namespace nicecream::cli {

// The HTTP server's settings from API_HOST, API_PORT, API_THREADS and the limits beside them.
http::ServerOptions server_options(const config::ServerConfig& server);

}  // namespace nicecream::cli

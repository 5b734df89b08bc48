#include "cli/server_options.hpp"

namespace nicecream::cli {

http::ServerOptions server_options(const config::ServerConfig& server) {
  http::ServerOptions options;
  options.host = server.host;
  options.port = server.port;
  options.threads = server.threads;
  options.max_header_bytes = server.max_header_bytes;
  options.max_body_bytes = server.max_body_bytes;
  options.read_timeout = server.read_timeout;
  options.idle_timeout = server.idle_timeout;
  options.write_timeout = server.write_timeout;
  options.shutdown_grace = server.shutdown_grace;
  options.max_connections = static_cast<std::size_t>(server.max_connections);
  options.log_format = server.json_logs ? http::LogFormat::json : http::LogFormat::text;
  options.reuse_port = server.reuse_port;
  return options;
}

}  // namespace nicecream::cli

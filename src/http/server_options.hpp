#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/request_log.hpp"

namespace nicecream::http {

// Built once in cli from config::ServerConfig, which holds the defaults: none here.
struct ServerOptions {
  std::string host;
  std::uint16_t port = 0;  // 0 picks a free port (see Server::port())
  int threads = 0;
  std::size_t max_header_bytes = 0;
  std::size_t max_body_bytes = 0;
  std::chrono::milliseconds read_timeout{};  // a started request must arrive within this
  std::chrono::milliseconds idle_timeout{};  // a keep-alive connection may sit idle this long
  std::chrono::milliseconds write_timeout{};
  std::chrono::milliseconds shutdown_grace{};  // in-flight requests get this long on shutdown
  std::size_t max_connections = 0;             // past this, new connections are closed at once
  LogFormat log_format = LogFormat::text;      // of the one line per request
  // SO_REUSEPORT: processes that all set it share the port, the kernel spreading new connections
  // among them (past one process's descriptor limit, or one per core without threads).
  bool reuse_port = false;
};

}  // namespace nicecream::http

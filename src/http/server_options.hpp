#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace nicecream::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (see Server::port())
  int threads = 1;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 64 * 1024;
  std::chrono::milliseconds read_timeout{10'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{10'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  std::size_t max_connections = 20'000;  // past this, new connections are closed at once
};

}  // namespace nicecream::http

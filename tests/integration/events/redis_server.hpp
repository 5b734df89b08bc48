#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>

namespace nicecream::testing {

// A redis-server of the test's own on 127.0.0.1, which the test may kill and start again on the
// same port to play an outage. No persistence: a restart comes back empty, as after a crash.
class RedisServer {
 public:
  RedisServer();  // picks a free port; not started
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  void start();  // returns once it answers PING
  void kill();   // SIGKILL: connections drop at once, as in a crash
  std::uint16_t port() const { return port_; }

 private:
  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

// A loopback port nothing listens on right now.
std::uint16_t free_port();

}  // namespace nicecream::testing

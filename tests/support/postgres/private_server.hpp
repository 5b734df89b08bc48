#pragma once

#include <cstdint>
#include <string>

namespace nicecream::support::postgres {

// A PostgreSQL server of one test's own (tests/support/postgres/control.sh), which the test may
// stop and start again on the same port and data directory to play a database outage, without
// disturbing the shared server in NICECREAM_TEST_PG. Created initialised but not started; stopped
// (thawed first if frozen) and removed with its data when the object goes.
class PrivateServer {
 public:
  explicit PrivateServer(std::uint16_t port);
  ~PrivateServer();
  PrivateServer(const PrivateServer&) = delete;
  PrivateServer& operator=(const PrivateServer&) = delete;

  // Both return once the server accepts connections, or is down.
  void start();
  enum class StopMode { fast, immediate };  // immediate: as after a crash, recovery on start
  void stop(StopMode mode = StopMode::fast);
  // Suspends every process of the server: connections are still accepted by the kernel, and no
  // query is ever answered, as with a server stuck on its disk. thaw() lets it go on.
  void freeze();
  void thaw();

  std::uint16_t port() const { return port_; }
  // A connection string for `database` on this server (user nicecream, trusted on loopback).
  std::string conninfo(const std::string& database) const;

 private:
  std::string dir_;
  std::uint16_t port_;
  bool frozen_ = false;
};

}  // namespace nicecream::support::postgres

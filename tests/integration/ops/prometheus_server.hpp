#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "server/server_process.hpp"

namespace nicecream::testing {

// A real Prometheus (Debian's `prometheus`) on a loopback port of its own, with a scratch data
// directory and one scrape job: `target` (host:port) every second, with a bearer token when one
// is given. Stopped and removed when this goes away.
class PrometheusServer {
 public:
  PrometheusServer(std::uint16_t port, const std::string& target, const std::string& bearer = "");
  ~PrometheusServer();
  PrometheusServer(const PrometheusServer&) = delete;
  PrometheusServer& operator=(const PrometheusServer&) = delete;

  std::uint16_t port() const { return port_; }
  // The value of an instant query's first sample (GET /api/v1/query), if it has one.
  std::optional<double> query(const std::string& expression) const;
  std::string log() const;

 private:
  TempDir directory_;
  std::uint16_t port_;
  pid_t pid_ = -1;
};

// `promtool check metrics` on `exposition`: its exit code and what it said.
struct PromtoolResult {
  int exit_code = -1;
  std::string output;
};
PromtoolResult promtool_check_metrics(const std::string& exposition);

}  // namespace nicecream::testing

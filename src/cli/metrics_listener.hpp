#pragma once

#include <memory>
#include <thread>

#include "api/ops/metrics_only_app.hpp"
#include "config/config.hpp"
#include "http/server.hpp"

namespace nicecream::cli {

// `crawl`'s GET /metrics and /healthz (NICECREAM_CRAWL_METRICS_PORT) on a thread of their own;
// listening once constructed, stopped when destroyed.
class MetricsListener {
 public:
  explicit MetricsListener(const config::Config& config);
  ~MetricsListener();
  MetricsListener(const MetricsListener&) = delete;
  MetricsListener& operator=(const MetricsListener&) = delete;

 private:
  api::MetricsOnlyApp app_;
  http::Server server_;
  std::jthread thread_;
};

// The listener when NICECREAM_CRAWL_METRICS_PORT is set, else none.
std::unique_ptr<MetricsListener> start_metrics_listener(const config::Config& config);

}  // namespace nicecream::cli

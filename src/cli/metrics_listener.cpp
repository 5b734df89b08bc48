#include "cli/metrics_listener.hpp"

#include <spdlog/spdlog.h>

#include "api/app.hpp"
#include "cli/server_options.hpp"
#include "cli/version.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::cli {

namespace {

// A scraper or a health check at a time: one I/O thread, a handful of connections.
http::ServerOptions metrics_options(const config::Config& config) {
  auto options = server_options(config.server);
  options.port = *config.crawler.metrics_port;
  options.threads = 1;
  options.max_connections = 64;
  options.reuse_port = false;
  return options;
}

}  // namespace

MetricsListener::MetricsListener(const config::Config& config)
    : app_(config.server.metrics_token),
      server_(
          metrics_options(config), [this](http::Request& request) { return app_.handle(request); },
          api::App::error_responder()) {
  metrics::app().build_info.with({kVersion}).set(1);
  server_.listen();
  spdlog::info("metrics: listening on http://{}:{} (/metrics, /healthz)", config.server.host,
               server_.port());
  thread_ = std::jthread([this] { server_.run(); });
}

MetricsListener::~MetricsListener() {
  server_.shutdown();
}

std::unique_ptr<MetricsListener> start_metrics_listener(const config::Config& config) {
  if (!config.crawler.metrics_port) return nullptr;
  return std::make_unique<MetricsListener>(config);
}

}  // namespace nicecream::cli

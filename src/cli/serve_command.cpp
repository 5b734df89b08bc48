#include <spdlog/spdlog.h>

#include <boost/asio/signal_set.hpp>

#include "api/app.hpp"
#include "cli/commands.hpp"
#include "cli/crawler_thread.hpp"
#include "cli/runtime.hpp"
#include "concurrency/blocking_pool.hpp"
#include "http/server.hpp"

namespace nicecream::cli {

namespace {

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
  return options;
}

int serve(const config::Config& config) {
  auto store = open_store(config);
  prepare_schema(*store, config);
  concurrency::BlockingPool blocking(static_cast<std::size_t>(config.store.worker_threads));
  auto bus = open_bus(config, *store);
  api::HistoryCache history_cache;
  auto invalidation = bus->subscribe([&history_cache](const auto&) { history_cache.invalidate(); });

  api::App app(api::Services{*store, blocking, *bus, config, history_cache});
  http::Server server(
      server_options(config.server), [&app](http::Request& request) { return app.handle(request); },
      api::App::error_responder());
  server.listen();
  spdlog::info("listening on http://{}:{}", config.server.host, server.port());

  boost::asio::signal_set signals(server.context(), SIGINT, SIGTERM);
  signals.async_wait([&server](const boost::system::error_code& error, int) {
    if (!error) server.shutdown();
  });

  std::optional<CrawlerThread> crawler;
  if (config.crawler.enabled) crawler.emplace(*store, *bus, config);
  server.run();
  crawler.reset();
  blocking.join();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "serve", "Serve the API and the web app (and crawl, unless NICECREAM_CRAWLER=false)");
  command->callback([&exit_code] { exit_code = run_command(serve); });
}

}  // namespace nicecream::cli

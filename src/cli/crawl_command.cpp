#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/crawler_thread.hpp"
#include "cli/metrics_listener.hpp"
#include "cli/push_service.hpp"
#include "cli/runtime.hpp"

namespace nicecream::cli {

namespace {

int crawl(const config::Config& config) {
  auto store = open_store(config);
  prepare_schema(*store, config);
  auto bus = open_bus(config, *store);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  // Block before starting threads so they inherit the mask and the signal reaches sigwait.
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  {
    const auto metrics = start_metrics_listener(config);
    const auto push_sender = start_push_sender(*store, config);
    CrawlerThread crawler(*store, *bus, config, push_listeners(push_sender.get(), config));
    const auto retention = start_retention(*store, config);
    int received = 0;
    sigwait(&stop_signals, &received);
    spdlog::info("stopping the crawler (signal {})", received);
  }
  return 0;
}

}  // namespace

void add_crawl_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("crawl", "Run only the crawler");
  command->callback([&exit_code] { exit_code = run_command(crawl); });
}

}  // namespace nicecream::cli

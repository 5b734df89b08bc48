#include "cli/crawler_thread.hpp"

#include "crawler/crawler.hpp"

namespace nicecream::cli {

crawler::CrawlerSettings crawler_settings(const config::CrawlerConfig& config) {
  crawler::CrawlerSettings settings;
  settings.interval = config.interval;
  settings.backoff_interval = config.backoff_interval;
  settings.user_agent = config.user_agent;
  settings.lease_ttl = config.lease_ttl;
  settings.allow_private_targets = config.allow_private_targets;
  return settings;
}

CrawlerThread::CrawlerThread(store::Store& store, events::Bus& bus, const config::Config& config)
    : thread_([&store, &bus, settings = crawler_settings(config.crawler)](std::stop_token stop) {
        crawler::Crawler crawler(store, bus, settings);
        crawler.run(stop);
      }) {}

CrawlerThread::~CrawlerThread() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace nicecream::cli

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

namespace {

std::vector<crawler::MatchListener> with_bus_publisher(
    events::Bus& bus, std::vector<crawler::MatchListener> match_listeners) {
  match_listeners.insert(match_listeners.begin(),
                         [&bus](const std::vector<domain::WatchMatch>& matches) {
                           for (const auto& match : matches) bus.publish_watch(match);
                         });
  return match_listeners;
}

}  // namespace

CrawlerThread::CrawlerThread(store::Store& store, events::Bus& bus, const config::Config& config,
                             std::vector<crawler::MatchListener> match_listeners)
    : thread_(
          [&store, &bus, settings = crawler_settings(config.crawler),
           listeners = with_bus_publisher(bus, std::move(match_listeners))](std::stop_token stop) {
            crawler::Crawler crawler(store, bus, settings, listeners);
            crawler.run(stop);
          }) {}

CrawlerThread::~CrawlerThread() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace nicecream::cli

#pragma once

#include <thread>
#include <vector>

#include "config/config.hpp"
#include "crawler/crawler.hpp"
#include "events/bus.hpp"
#include "store/store.hpp"

namespace nicecream::cli {

// The crawler's settings from the configuration (also for the API's one-off probe).
crawler::CrawlerSettings crawler_settings(const config::CrawlerConfig& config);

// The crawler on a thread of its own; stops and joins when destroyed. Watch matches its
// recordings claim are published on the bus (every API process's streams), then given to
// `match_listeners` (Web Push).
class CrawlerThread {
 public:
  CrawlerThread(store::Store& store, events::Bus& bus, const config::Config& config,
                std::vector<crawler::MatchListener> match_listeners = {});
  ~CrawlerThread();
  CrawlerThread(const CrawlerThread&) = delete;
  CrawlerThread& operator=(const CrawlerThread&) = delete;

 private:
  std::jthread thread_;
};

}  // namespace nicecream::cli

#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "crawler/recorder.hpp"
#include "events/bus.hpp"
#include "store/store.hpp"

namespace nicecream::crawler {

// Built once in cli from config::CrawlerConfig, which holds the defaults of what the environment
// sets (the first four); the rest are the crawler's own.
struct CrawlerSettings {
  std::chrono::milliseconds interval{};          // between polls of a channel
  std::chrono::milliseconds backoff_interval{};  // after a failure
  std::string user_agent;
  std::chrono::seconds lease_ttl{};
  std::chrono::milliseconds request_timeout{std::chrono::seconds(10)};
  std::size_t max_body_bytes = 256 * 1024;
  std::size_t max_parallel = 100;  // transfers at once; the rest wait their turn
  std::string lease_owner;         // unique per crawler process; empty: default_lease_owner()
  std::vector<std::string> idle_placeholders;  // empty: the defaults ("Unknown", "-", ...)
  bool allow_private_targets = false;          // NICECREAM_ALLOW_PRIVATE_TARGETS
};

// Polls every channel this process holds a lease on and records each change of title. Runs on
// the thread that calls run(), fetching all due channels at once on that one thread; store calls
// are made there too (they block, which is fine on the crawler's own thread).
class Crawler {
 public:
  // `match_listeners` hear of the watch matches each recording claims (recorder.hpp).
  Crawler(store::Store& store, events::Bus& bus, CrawlerSettings settings,
          std::vector<MatchListener> match_listeners = {});
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  // Returns soon after `stop` is requested, releasing the leases it held. Never throws for a
  // station or store failure: those are logged and retried.
  void run(std::stop_token stop);

 private:
  class Loop;
  store::Store& store_;
  events::Bus& bus_;
  CrawlerSettings settings_;
  std::vector<MatchListener> match_listeners_;
};

// "<host name>:<pid>:<random hex>", unique among crawlers sharing a database.
std::string default_lease_owner();

}  // namespace nicecream::crawler

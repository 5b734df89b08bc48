#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "config/config.hpp"
#include "domain/watch.hpp"
#include "push/push_sender.hpp"
#include "push/vapid_key.hpp"
#include "store/store.hpp"

namespace nicecream::cli {

// The VAPID key (API_VAPID_PRIVATE_KEY or the data directory's vapid.key); a bad one is a
// ConfigError naming its variable.
push::VapidKey vapid_key(const config::Config& config);

// The Web Push sender of a process that records (serve with its crawler, crawl), over the store;
// nullptr when push is off (no API_VAPID_SUBJECT, and SPA_URL not https), which it logs.
std::unique_ptr<push::PushSender> start_push_sender(store::Store& store,
                                                    const config::Config& config);

// The recorder's listeners for Web Push (crawler::MatchListener's shape): one that hands matches
// to `sender` (links at SPA_URL's origin), or none when push is off (`sender` null).
using PushListener = std::function<void(const std::vector<domain::WatchMatch>&)>;
std::vector<PushListener> push_listeners(push::PushSender* sender, const config::Config& config);

}  // namespace nicecream::cli

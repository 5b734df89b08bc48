#include "cli/push_service.hpp"

#include <spdlog/spdlog.h>

#include "config/config_error.hpp"
#include "push/push_notifier.hpp"

namespace nicecream::cli {

namespace {

// SPA_URL's scheme and host when it is absolute: where the app's song pages are.
std::string site_origin(const std::string& spa_url) {
  const auto scheme_end = spa_url.find("://");
  if (scheme_end == std::string::npos) return {};
  return spa_url.substr(0, spa_url.find_first_of("/?#", scheme_end + 3));
}

}  // namespace

push::VapidKey vapid_key(const config::Config& config) {
  try {
    return push::resolve_vapid_key(config.push.vapid_private_key, config.store.data_dir);
  } catch (const std::runtime_error& error) {
    throw config::ConfigError(
        config.push.vapid_private_key.empty() ? "NICECREAM_DATA_DIR" : "API_VAPID_PRIVATE_KEY",
        error.what());
  }
}

std::unique_ptr<push::PushSender> start_push_sender(store::Store& store,
                                                    const config::Config& config) {
  if (config.push.vapid_subject.empty()) {
    spdlog::warn("Web Push is off: set API_VAPID_SUBJECT (mailto: or https:) to send it");
    return nullptr;
  }
  push::SenderSettings settings;
  settings.subject = config.push.vapid_subject;
  settings.allow_private_targets = config.crawler.allow_private_targets;
  settings.user_agent = config.crawler.user_agent;
  return std::make_unique<push::PushSender>(
      vapid_key(config), std::move(settings),
      push::SubscriptionBook{
          .of_user =
              [&store](domain::Id user_id) { return store.list_push_subscriptions(user_id); },
          .remove = [&store](const std::string& endpoint) { store.forget_push_endpoint(endpoint); },
      });
}

std::vector<PushListener> push_listeners(push::PushSender* sender, const config::Config& config) {
  if (sender == nullptr) return {};
  return {push::PushNotifier(*sender, site_origin(config.auth.spa_url))};
}

}  // namespace nicecream::cli

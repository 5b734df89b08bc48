#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace nicecream::api {

struct CorsSettings {
  bool allowed = false;
  std::string origin;  // the one origin allowed to call with credentials
};

// What the API needs to know of the deployment. The CLI builds it from config::Config, where the
// defaults are; nothing here reads the environment.
struct Settings {
  CorsSettings cors;
  // The SSE event name of a new history item: REDIS_CHANNEL's value, as the original named its
  // events after the channel it read them from (so clients listening for it keep working).
  std::string live_event_name = "history";
  std::string spa_url;                     // where sign-in and sign-out send the browser
  bool strict_transport_security = false;  // served over HTTPS only (secure session cookies)
  std::filesystem::path web_dir;           // the built web app
  int max_streams_per_client = 0;          // open event streams per client address
  int write_rate_per_minute = 0;           // write-limited requests per client address
  std::string metrics_token;  // API_METRICS_TOKEN: the bearer /metrics asks for; "": loopback only
  std::vector<std::string> admins;     // API_ADMINS: who may manage channels (domain/admins.hpp)
  std::string embed_origins = "*";     // API_EMBED_ORIGINS: CSP frame-ancestors of /embed/ pages
  std::string vapid_public_key;        // Web Push's applicationServerKey; empty: push is off
  bool allow_private_targets = false;  // NICECREAM_ALLOW_PRIVATE_TARGETS: http push endpoints too
  // The secret private watch feed tokens are derived from (the session key's signing half): the
  // database keeps only a salt and the token's hash (api/watches/watch_feed.hpp).
  std::string watch_feed_key{};
};

}  // namespace nicecream::api

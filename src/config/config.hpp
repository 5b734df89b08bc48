#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/environment.hpp"

namespace nicecream::config {

// How this service names itself to stations and the identity provider.
inline constexpr char kUserAgent[] = "NicecreamHistory/1.0 (+https://github.com/nicecream-history)";

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 1;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 64 * 1024;
  std::chrono::seconds read_timeout{10};    // a started request must arrive within this
  std::chrono::seconds idle_timeout{60};    // a keep-alive connection may sit idle this long
  std::chrono::seconds write_timeout{10};   // a response (or event) must leave within this
  std::chrono::seconds shutdown_grace{10};  // in-flight requests get this long on shutdown
  bool debug = false;
  int max_connections = 20000;      // beyond this, new connections are closed at once
  int max_streams_per_client = 16;  // open event streams per client address
  int write_rate_per_minute = 60;   // sign-ins and bookmark writes per client address
  bool json_logs = false;           // API_LOG_FORMAT=json: one JSON object per log line
  std::string metrics_token;        // API_METRICS_TOKEN; empty: /metrics for loopback only
  bool reuse_port = false;          // API_REUSE_PORT: several processes listen on one port
  std::string embed_origins = "*";  // API_EMBED_ORIGINS: who may frame /embed/ pages
};

struct CorsConfig {
  bool allowed = false;
  std::string origin;
};

struct StoreConfig {
  std::filesystem::path data_dir = "data";
  bool use_postgres = false;      // PGHOST or DATABASE_URL set
  std::string postgres_conninfo;  // empty: libpq reads the PG* variables itself
  int postgres_pool = 8;
  int worker_threads = 8;                    // the blocking pool that runs store calls
  std::chrono::seconds connect_timeout{60};  // how long to retry an unreachable database
  std::optional<int> retention_days;         // unset: history is kept for ever
};

struct EventsConfig {
  bool use_redis = false;  // REDIS_HOST set
  std::string redis_host;
  int redis_port = 6379;
  int redis_db = 0;
  std::string redis_channel = "history";
};

struct CrawlerConfig {
  bool enabled = true;  // inside `serve`
  std::chrono::seconds interval{30};
  std::chrono::seconds backoff_interval{300};
  std::string user_agent = kUserAgent;
  std::chrono::seconds lease_ttl{90};
  bool allow_private_targets = false;  // stations on loopback or private networks
  // NICECREAM_CRAWL_METRICS_PORT: `crawl` answers GET /metrics and /healthz on API_HOST at this
  // port (0: any free one); unset, it listens nowhere. `serve` has them on its own port.
  std::optional<std::uint16_t> metrics_port;
};

struct AuthConfig {
  std::string spa_url = "/";
  std::string session_secret_key;  // empty: embedded mode keeps one in the data directory
  bool session_cookie_secure = true;
  std::string session_cookie_domain;
  std::chrono::seconds session_max_age{30 * 24 * 3600};
  bool csrf_cookie_secure = true;
  std::string csrf_cookie_domain;
  std::string oidc_issuer = "https://accounts.google.com";
  std::string client_id;
  std::string client_secret;
  std::string redirect_url;
  std::string user_agent = kUserAgent;
  std::vector<std::string> admins;  // API_ADMINS: OpenID subjects or verified e-mail addresses
  bool signin_configured() const { return !client_id.empty() && !client_secret.empty(); }
};

// Web Push (issue 15).
struct PushConfig {
  std::string vapid_private_key;  // API_VAPID_PRIVATE_KEY; empty: a key kept in the data directory
  // API_VAPID_SUBJECT (mailto: or https:), else SPA_URL's origin when that is https; empty: the
  // service sends no push messages (it still takes subscriptions).
  std::string vapid_subject;
};

struct WebConfig {
  std::filesystem::path web_dir = "web/dist";
};

struct Config {
  ServerConfig server;
  CorsConfig cors;
  StoreConfig store;
  EventsConfig events;
  CrawlerConfig crawler;
  AuthConfig auth;
  PushConfig push;
  WebConfig web;
};

// Reads every setting, validating as it goes; throws ConfigError naming the first bad variable.
Config load_config(const Environment& environment);

}  // namespace nicecream::config

#include "config/config.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <thread>

#include "config/config_error.hpp"
#include "config/readers.hpp"
#include "domain/admins.hpp"

namespace nicecream::config {

namespace {
using std::chrono::seconds;

// A source of CSP frame-ancestors: *, 'self', or an http(s) origin whose host may start with a
// `*.` wildcard. Nothing else reaches the header (a ; or a quote would rewrite the policy).
bool is_frame_ancestor(std::string_view source) {
  if (source == "*" || source == "'self'") return true;
  std::string_view rest;
  if (source.starts_with("https://"))
    rest = source.substr(8);
  else if (source.starts_with("http://"))
    rest = source.substr(7);
  else
    return false;
  if (rest.starts_with("*.")) rest.remove_prefix(2);
  const auto colon = rest.find(':');
  const auto host = rest.substr(0, colon);
  const auto port = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
  const auto host_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
  };
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  return !host.empty() && std::all_of(host.begin(), host.end(), host_char) &&
         (colon == std::string_view::npos ||
          (!port.empty() && port.size() <= 5 && std::all_of(port.begin(), port.end(), digit)));
}

// API_EMBED_ORIGINS: sources separated by commas or spaces, as one frame-ancestors list.
std::string read_embed_origins(const std::string& value) {
  std::string list;
  std::size_t at = 0;
  while (at < value.size()) {
    const auto end = std::min(value.find_first_of(", \t", at), value.size());
    const auto source = std::string_view(value).substr(at, end - at);
    at = end + 1;
    if (source.empty()) continue;
    if (!is_frame_ancestor(source))
      throw ConfigError("API_EMBED_ORIGINS", "'" + std::string(source) +
                                                 "' is not an origin (https://example.com), "
                                                 "'self' or *");
    list += (list.empty() ? "" : " ") + std::string(source);
  }
  if (list.empty()) throw ConfigError("API_EMBED_ORIGINS", "names no origin");
  return list;
}

ServerConfig read_server(const Readers& env) {
  ServerConfig server;
  server.host = env.text("API_HOST", server.host);
  server.port = static_cast<std::uint16_t>(env.integer("API_PORT", server.port, 0, 65535));
  const auto cores = std::max(1U, std::thread::hardware_concurrency());
  server.threads = static_cast<int>(env.integer("API_THREADS", cores, 1, 256));
  server.max_body_bytes = static_cast<std::size_t>(env.integer(
      "API_MAX_BODY_BYTES", static_cast<std::int64_t>(server.max_body_bytes), 1, 64 * 1024 * 1024));
  server.max_header_bytes = static_cast<std::size_t>(env.integer(
      "API_MAX_HEADER_BYTES", static_cast<std::int64_t>(server.max_header_bytes), 1024, 1 << 20));
  server.read_timeout = env.seconds("API_READ_TIMEOUT", server.read_timeout);
  server.idle_timeout = env.seconds("API_IDLE_TIMEOUT", server.idle_timeout);
  server.write_timeout = env.seconds("API_WRITE_TIMEOUT", server.write_timeout);
  server.shutdown_grace = env.seconds("API_SHUTDOWN_GRACE", server.shutdown_grace);
  server.debug = env.flag("API_DEBUG", false);
  server.max_connections =
      static_cast<int>(env.integer("API_MAX_CONNECTIONS", server.max_connections, 1, 1'000'000));
  server.max_streams_per_client = static_cast<int>(
      env.integer("API_MAX_STREAMS_PER_CLIENT", server.max_streams_per_client, 1, 1'000'000));
  server.write_rate_per_minute = static_cast<int>(
      env.integer("API_WRITE_RATE_PER_MINUTE", server.write_rate_per_minute, 1, 1'000'000));
  const auto log_format = env.text("API_LOG_FORMAT", "text");
  if (log_format != "text" && log_format != "json")
    throw ConfigError("API_LOG_FORMAT", "must be text or json, not '" + log_format + "'");
  server.json_logs = log_format == "json";
  server.metrics_token = env.text("API_METRICS_TOKEN");
  server.reuse_port = env.flag("API_REUSE_PORT", false);
  server.embed_origins = read_embed_origins(env.text("API_EMBED_ORIGINS", server.embed_origins));
  return server;
}

CorsConfig read_cors(const Readers& env) {
  CorsConfig cors;
  cors.allowed = env.flag("API_CORS_ALLOWED", false);
  cors.origin = env.text("API_CORS_ORIGIN");
  if (cors.allowed && cors.origin.empty())
    throw ConfigError("API_CORS_ORIGIN", "must be set when API_CORS_ALLOWED is true");
  return cors;
}

StoreConfig read_store(const Readers& env) {
  StoreConfig store;
  store.data_dir = env.text("NICECREAM_DATA_DIR", store.data_dir.string());
  store.postgres_conninfo = env.text("DATABASE_URL");
  store.use_postgres = env.has("PGHOST") || !store.postgres_conninfo.empty();
  store.postgres_pool = static_cast<int>(env.integer("API_PG_POOL", store.postgres_pool, 1, 512));
  store.connect_timeout = env.seconds("NICECREAM_DB_CONNECT_TIMEOUT", store.connect_timeout);
  store.worker_threads = static_cast<int>(
      env.integer("NICECREAM_WORKERS", store.use_postgres ? store.postgres_pool : 4, 1, 512));
  if (env.has("NICECREAM_RETENTION_DAYS"))
    store.retention_days = static_cast<int>(env.integer("NICECREAM_RETENTION_DAYS", 0, 1, 36500));
  return store;
}

EventsConfig read_events(const Readers& env) {
  EventsConfig events;
  events.redis_host = env.text("REDIS_HOST");
  events.use_redis = !events.redis_host.empty();
  events.redis_port = static_cast<int>(env.integer("REDIS_PORT", events.redis_port, 1, 65535));
  events.redis_db = static_cast<int>(env.integer("REDIS_DB", events.redis_db, 0, 1024));
  events.redis_channel = env.text("REDIS_CHANNEL", events.redis_channel);
  // The channel's name is also the SSE event name, where a line break would split the event.
  const bool printable = std::ranges::none_of(
      events.redis_channel, [](unsigned char c) { return c < 0x20 || c == 0x7f; });
  if (events.redis_channel.empty() || !printable)
    throw ConfigError("REDIS_CHANNEL", "must be a non-empty name without control characters");
  return events;
}

CrawlerConfig read_crawler(const Readers& env) {
  CrawlerConfig crawler;
  crawler.enabled = env.flag("NICECREAM_CRAWLER", true);
  crawler.interval = env.seconds("API_CRAWLER_INTERVAL", crawler.interval);
  crawler.backoff_interval = env.seconds("API_CRAWLER_BACKOFF_INTERVAL", crawler.backoff_interval);
  crawler.user_agent = env.text("API_CRAWLER_AGENT", crawler.user_agent);
  crawler.allow_private_targets = env.flag("NICECREAM_ALLOW_PRIVATE_TARGETS", false);
  crawler.lease_ttl =
      env.seconds("NICECREAM_CRAWLER_LEASE_TTL", std::max(crawler.lease_ttl, crawler.interval * 3));
  if (env.has("NICECREAM_CRAWL_METRICS_PORT"))
    crawler.metrics_port =
        static_cast<std::uint16_t>(env.integer("NICECREAM_CRAWL_METRICS_PORT", 0, 0, 65535));
  return crawler;
}

AuthConfig read_auth(const Readers& env) {
  AuthConfig auth;
  auth.spa_url = env.text("SPA_URL", auth.spa_url);
  auth.session_secret_key = env.text("API_SESSION_COOKIE_SECRET_KEY");
  auth.session_cookie_secure = env.flag("API_SESSION_COOKIE_SECURE", true);
  auth.session_cookie_domain = env.text("API_SESSION_COOKIE_DOMAIN");
  auth.session_max_age = env.seconds("API_SESSION_MAX_AGE", auth.session_max_age);
  auth.csrf_cookie_secure = env.flag("API_CSRF_COOKIE_SECURE", true);
  auth.csrf_cookie_domain = env.text("API_CSRF_COOKIE_DOMAIN");
  auth.oidc_issuer = env.text("API_OIDC_ISSUER", auth.oidc_issuer);
  auth.client_id = env.text("API_GOOGLE_CLIENT_ID");
  auth.client_secret = env.text("API_GOOGLE_CLIENT_SECRET");
  auth.redirect_url = env.text("API_GOOGLE_REDIRECT_URL");
  auth.admins = domain::parse_admin_list(env.text("API_ADMINS"));
  return auth;
}

// RFC 8292 §2.1: a contact for the push service's operators, a mailto: address or an https URL.
bool is_vapid_subject(std::string_view subject) {
  const auto printable =
      std::ranges::all_of(subject, [](unsigned char c) { return c > 0x20 && c < 0x7f; });
  if (!printable) return false;
  if (subject.starts_with("mailto:")) {
    const auto address = subject.substr(7);
    const auto at = address.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < address.size();
  }
  return subject.starts_with("https://") && subject.size() > 8 && subject[8] != '/';
}

// The origin of SPA_URL when it is an https URL: the service's own address, a fair contact.
std::string https_origin(std::string_view url) {
  if (!url.starts_with("https://")) return {};
  const auto end = url.find_first_of("/?#", 8);
  const auto origin = url.substr(0, end);
  return is_vapid_subject(origin) ? std::string(origin) : std::string();
}

PushConfig read_push(const Readers& env, const AuthConfig& auth) {
  PushConfig push;
  push.vapid_private_key = env.text("API_VAPID_PRIVATE_KEY");
  push.vapid_subject = env.text("API_VAPID_SUBJECT");
  if (push.vapid_subject.empty()) {
    push.vapid_subject = https_origin(auth.spa_url);
  } else if (!is_vapid_subject(push.vapid_subject)) {
    throw ConfigError("API_VAPID_SUBJECT",
                      "must be a mailto: address (mailto:ops@example.org) or an https: URL, not '" +
                          push.vapid_subject + "'");
  }
  return push;
}
}  // namespace

Config load_config(const Environment& environment) {
  const Readers env(environment);
  Config config;
  config.server = read_server(env);
  config.cors = read_cors(env);
  config.store = read_store(env);
  config.events = read_events(env);
  config.crawler = read_crawler(env);
  config.auth = read_auth(env);
  config.push = read_push(env, config.auth);
  config.web.web_dir = env.text("NICECREAM_WEB_DIR", config.web.web_dir.string());
  return config;
}

}  // namespace nicecream::config

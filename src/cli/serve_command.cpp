#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <boost/asio/signal_set.hpp>

#include "api/app.hpp"
#include "auth/session_key.hpp"
#include "cli/commands.hpp"
#include "cli/crawler_thread.hpp"
#include "cli/push_service.hpp"
#include "cli/runtime.hpp"
#include "cli/server_options.hpp"
#include "cli/version.hpp"
#include "concurrency/blocking_pool.hpp"
#include "config/config_error.hpp"
#include "crawler/probe.hpp"
#include "http/server.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::cli {

namespace {

// Every connection and stream is a descriptor; the default soft limit (1024) would cap the
// server long before memory does.
void raise_descriptor_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// Without API_SESSION_COOKIE_SECRET_KEY the key lives in the data directory, which only instances
// sharing that directory can read: fine embedded, a trap behind a load balancer.
auth::SessionCookies session_cookies(const config::Config& config) {
  const auto& settings = config.auth;
  if (settings.session_secret_key.empty() && config.store.use_postgres)
    spdlog::warn(
        "API_SESSION_COOKIE_SECRET_KEY is not set: sessions are sealed with the key in {}, so "
        "instances that do not share it will not accept each other's cookies",
        (config.store.data_dir / "session.key").string());
  try {
    return auth::SessionCookies(
        auth::resolve_session_key(settings.session_secret_key, config.store.data_dir),
        {.max_age = settings.session_max_age,
         .session_secure = settings.session_cookie_secure,
         .session_domain = settings.session_cookie_domain,
         .csrf_secure = settings.csrf_cookie_secure,
         .csrf_domain = settings.csrf_cookie_domain});
  } catch (const auth::FernetKeyError& error) {
    if (settings.session_secret_key.empty())
      throw config::ConfigError("NICECREAM_DATA_DIR", error.what());
    throw config::ConfigError("API_SESSION_COOKIE_SECRET_KEY", error.what());
  }
}

// Browsers subscribe with this key and the recording process signs with its private half: every
// process must hold the same one, which only a shared data directory or API_VAPID_PRIVATE_KEY
// gives.
std::string push_public_key(const config::Config& config) {
  if (config.push.vapid_subject.empty()) return {};
  if (config.push.vapid_private_key.empty() && config.store.use_postgres)
    spdlog::warn(
        "API_VAPID_PRIVATE_KEY is not set: Web Push uses the key in {}, so processes that do not "
        "share it sign with keys browsers did not subscribe to",
        (config.store.data_dir / "vapid.key").string());
  return vapid_key(config).public_key();
}

api::Settings api_settings(const config::Config& config) {
  return {.cors = {.allowed = config.cors.allowed, .origin = config.cors.origin},
          .live_event_name = config.events.redis_channel,
          .spa_url = config.auth.spa_url,
          .strict_transport_security = config.auth.session_cookie_secure,
          .web_dir = config.web.web_dir,
          .max_streams_per_client = config.server.max_streams_per_client,
          .write_rate_per_minute = config.server.write_rate_per_minute,
          .metrics_token = config.server.metrics_token,
          .admins = config.auth.admins,
          .embed_origins = config.server.embed_origins,
          .vapid_public_key = push_public_key(config),
          .allow_private_targets = config.crawler.allow_private_targets};
}

// The identity provider's client, when one is configured; discovery waits for the first sign-in.
std::unique_ptr<auth::OidcClient> oidc_client(const config::AuthConfig& settings) {
  if (!settings.signin_configured()) {
    if (!settings.client_id.empty() || !settings.client_secret.empty())
      spdlog::warn("sign-in is off: set both API_GOOGLE_CLIENT_ID and API_GOOGLE_CLIENT_SECRET");
    return nullptr;
  }
  if (settings.redirect_url.empty())
    throw config::ConfigError("API_GOOGLE_REDIRECT_URL",
                              "must be set when API_GOOGLE_CLIENT_ID and _SECRET are");
  spdlog::info("sign-in with {} as client {}", settings.oidc_issuer, settings.client_id);
  auth::OidcSettings oidc;
  oidc.issuer = settings.oidc_issuer;
  oidc.client_id = settings.client_id;
  oidc.client_secret = settings.client_secret;
  oidc.redirect_uri = settings.redirect_url;
  oidc.user_agent = settings.user_agent;
  return std::make_unique<auth::OidcClient>(std::move(oidc));
}

// Private watch feed tokens are derived with the session key's signing half, so processes that
// share sessions share feed addresses (api/watches/watch_feed.hpp).
std::string watch_feed_key(const config::Config& config) {
  return auth::resolve_session_key(config.auth.session_secret_key, config.store.data_dir).signing();
}

int serve(const config::Config& config) {
  raise_descriptor_limit();
  auto store = open_store(config);
  prepare_schema(*store, config);
  concurrency::BlockingPool blocking(static_cast<std::size_t>(config.store.worker_threads),
                                     config.store.use_postgres ? "postgres" : "sqlite");
  metrics::app().build_info.with({kVersion}).set(1);
  auto bus = open_bus(config, *store);
  api::PageCache page_cache;
  auto invalidation = bus->subscribe([&page_cache](const auto&) { page_cache.invalidate(); });
  auto channel_invalidation =
      bus->subscribe_channels([&page_cache](const auto&) { page_cache.invalidate(); });

  const auto sessions = session_cookies(config);
  const auto oidc = oidc_client(config.auth);
  auto settings = api_settings(config);
  settings.watch_feed_key = watch_feed_key(config);
  api::App app(
      api::Services{*store, blocking, *bus, settings, page_cache, sessions, oidc.get(),
                    [probing = crawler_settings(config.crawler)](const domain::Channel& channel) {
                      return crawler::probe_channel(probing, channel);
                    }});
  http::Server server(
      server_options(config.server), [&app](http::Request& request) { return app.handle(request); },
      api::App::error_responder());
  server.listen();
  spdlog::info("listening on http://{}:{}", config.server.host, server.port());
  spdlog::default_logger()->flush();  // scripts and tests wait for this line

  boost::asio::signal_set signals(server.context(), SIGINT, SIGTERM);
  signals.async_wait([&server](const boost::system::error_code& error, int) {
    if (!error) server.shutdown();
  });

  // The process that records sends the pushes; the sender outlives the crawler that feeds it.
  const auto push_sender = config.crawler.enabled ? start_push_sender(*store, config) : nullptr;
  std::optional<CrawlerThread> crawler;
  if (config.crawler.enabled)
    crawler.emplace(*store, *bus, config, push_listeners(push_sender.get(), config));
  auto retention = start_retention(*store, config);
  server.run();
  retention.reset();
  crawler.reset();
  blocking.join();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "serve", "Serve the API and the web app (and crawl, unless NICECREAM_CRAWLER=false)");
  command->callback([&exit_code] { exit_code = run_command(serve); });
}

}  // namespace nicecream::cli

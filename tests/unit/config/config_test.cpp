#include "config/config.hpp"

#include <gtest/gtest.h>

#include "config/config_error.hpp"

namespace nicecream::config {
namespace {

Config load(std::map<std::string, std::string> values) {
  return load_config(map_environment(std::move(values)));
}

std::string error_of(std::map<std::string, std::string> values) {
  try {
    load(std::move(values));
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(Config, EmbeddedDefaultsNeedNoSettings) {
  const auto config = load({});
  EXPECT_EQ(config.server.host, "127.0.0.1");
  EXPECT_EQ(config.server.port, 8080);
  EXPECT_GE(config.server.threads, 1);
  EXPECT_EQ(config.server.max_body_bytes, 64u * 1024);
  EXPECT_FALSE(config.store.use_postgres);
  EXPECT_EQ(config.store.data_dir, "data");
  EXPECT_FALSE(config.events.use_redis);
  EXPECT_EQ(config.events.redis_channel, "history");
  EXPECT_TRUE(config.crawler.enabled);
  EXPECT_EQ(config.crawler.interval.count(), 30);
  EXPECT_EQ(config.crawler.backoff_interval.count(), 300);
  EXPECT_FALSE(config.cors.allowed);
  EXPECT_TRUE(config.auth.session_cookie_secure);
  EXPECT_FALSE(config.auth.signin_configured());
}

TEST(Config, ReadsTheOriginalsVariables) {
  const auto config = load({{"API_HOST", "0.0.0.0"},
                            {"API_PORT", "9000"},
                            {"API_THREADS", "3"},
                            {"PGHOST", "db"},
                            {"REDIS_HOST", "cache"},
                            {"REDIS_CHANNEL", "items"},
                            {"API_CORS_ALLOWED", "True"},
                            {"API_CORS_ORIGIN", "https://app.example"},
                            {"API_SESSION_COOKIE_SECURE", "false"},
                            {"API_CRAWLER_INTERVAL", "5"}});
  EXPECT_EQ(config.server.host, "0.0.0.0");
  EXPECT_EQ(config.server.port, 9000);
  EXPECT_EQ(config.server.threads, 3);
  EXPECT_TRUE(config.store.use_postgres);
  EXPECT_TRUE(config.events.use_redis);
  EXPECT_EQ(config.events.redis_channel, "items");
  EXPECT_TRUE(config.cors.allowed);
  EXPECT_FALSE(config.auth.session_cookie_secure);
  EXPECT_EQ(config.crawler.interval.count(), 5);
}

TEST(Config, WriteTimeoutIsTenSecondsUnlessSet) {
  EXPECT_EQ(load({}).server.write_timeout.count(), 10);
  EXPECT_EQ(load({{"API_WRITE_TIMEOUT", "3"}}).server.write_timeout.count(), 3);
  EXPECT_EQ(error_of({{"API_WRITE_TIMEOUT", "0"}}).rfind("API_WRITE_TIMEOUT:", 0), 0u);
}

TEST(Config, ACrawlProcessListensForMetricsOnlyWhenToldWhere) {
  EXPECT_FALSE(load({}).crawler.metrics_port);
  EXPECT_EQ(load({{"NICECREAM_CRAWL_METRICS_PORT", "9464"}}).crawler.metrics_port, 9464);
  EXPECT_EQ(load({{"NICECREAM_CRAWL_METRICS_PORT", "0"}}).crawler.metrics_port, 0);
  for (const auto* bad : {"65536", "-1", "metrics"})
    EXPECT_EQ(
        error_of({{"NICECREAM_CRAWL_METRICS_PORT", bad}}).rfind("NICECREAM_CRAWL_METRICS_PORT:", 0),
        0u)
        << bad;
}

TEST(Config, OneUserAgentForStationsAndTheIdentityProvider) {
  const auto config = load({});
  EXPECT_EQ(config.crawler.user_agent, kUserAgent);
  EXPECT_EQ(config.auth.user_agent, kUserAgent);
  EXPECT_EQ(load({{"API_CRAWLER_AGENT", "Radio/2"}}).crawler.user_agent, "Radio/2");
}

TEST(Config, PrivateStationAddressesAreRefusedUnlessAllowed) {
  EXPECT_FALSE(load({}).crawler.allow_private_targets);
  EXPECT_TRUE(load({{"NICECREAM_ALLOW_PRIVATE_TARGETS", "true"}}).crawler.allow_private_targets);
  EXPECT_EQ(error_of({{"NICECREAM_ALLOW_PRIVATE_TARGETS", "yes please"}}),
            "NICECREAM_ALLOW_PRIVATE_TARGETS: 'yes please' is not a boolean (use true or false)");
}

TEST(Config, SeveralProcessesShareThePortOnlyWhenAsked) {
  EXPECT_FALSE(load({}).server.reuse_port);
  EXPECT_TRUE(load({{"API_REUSE_PORT", "true"}}).server.reuse_port);
  EXPECT_EQ(error_of({{"API_REUSE_PORT", "1x"}}),
            "API_REUSE_PORT: '1x' is not a boolean (use true or false)");
}

TEST(Config, EmbedOriginsAreFrameAncestorSourcesOnly) {
  EXPECT_EQ(load({}).server.embed_origins, "*");
  EXPECT_EQ(load({{"API_EMBED_ORIGINS", "https://blog.example, http://*.radio.example:8080"}})
                .server.embed_origins,
            "https://blog.example http://*.radio.example:8080");
  EXPECT_EQ(load({{"API_EMBED_ORIGINS", "'self'"}}).server.embed_origins, "'self'");
  EXPECT_EQ(error_of({{"API_EMBED_ORIGINS", "https://a.example; script-src *"}}),
            "API_EMBED_ORIGINS: 'https://a.example;' is not an origin (https://example.com), "
            "'self' or *");
  EXPECT_EQ(error_of({{"API_EMBED_ORIGINS", "ftp://files.example"}}).rfind("API_EMBED_ORIGINS:", 0),
            0u);
  EXPECT_EQ(error_of({{"API_EMBED_ORIGINS", " , "}}), "API_EMBED_ORIGINS: names no origin");
}

TEST(Config, BadValuesNameTheVariable) {
  EXPECT_EQ(error_of({{"API_PORT", "eighty"}}), "API_PORT: 'eighty' is not a whole number");
  EXPECT_EQ(error_of({{"API_PORT", "70000"}}), "API_PORT: 70000 is out of range 0..65535");
  EXPECT_EQ(error_of({{"API_DEBUG", "maybe"}}),
            "API_DEBUG: 'maybe' is not a boolean (use true or false)");
  EXPECT_EQ(error_of({{"API_CRAWLER_INTERVAL", "0"}}).rfind("API_CRAWLER_INTERVAL:", 0), 0u);
  EXPECT_EQ(error_of({{"API_CORS_ALLOWED", "true"}}),
            "API_CORS_ORIGIN: must be set when API_CORS_ALLOWED is true");
  EXPECT_EQ(error_of({{"API_THREADS", "0"}}), "API_THREADS: 0 is out of range 1..256");
  // REDIS_CHANNEL is also the SSE event name: a line break would split every event.
  EXPECT_EQ(error_of({{"REDIS_CHANNEL", "his\ntory"}}),
            "REDIS_CHANNEL: must be a non-empty name without control characters");
}

TEST(Config, VapidSubjectIsAMailtoOrHttpsContact) {
  EXPECT_EQ(load({}).push.vapid_subject, "");  // push off: SPA_URL is "/"
  EXPECT_EQ(load({{"SPA_URL", "https://radio.example/app/"}}).push.vapid_subject,
            "https://radio.example");
  EXPECT_EQ(load({{"SPA_URL", "http://radio.example/"}}).push.vapid_subject, "");
  EXPECT_EQ(load({{"API_VAPID_SUBJECT", "mailto:ops@radio.example"}}).push.vapid_subject,
            "mailto:ops@radio.example");
  EXPECT_EQ(load({{"API_VAPID_SUBJECT", "https://radio.example/contact"}}).push.vapid_subject,
            "https://radio.example/contact");
  for (const auto* bad : {"ops@radio.example", "mailto:", "mailto:nobody", "http://radio.example",
                          "https://", "mailto:a b@c.d"})
    EXPECT_EQ(error_of({{"API_VAPID_SUBJECT", bad}}),
              std::string("API_VAPID_SUBJECT: must be a mailto: address (mailto:ops@example.org) "
                          "or an https: URL, not '") +
                  bad + "'")
        << bad;
  EXPECT_EQ(load({{"API_VAPID_PRIVATE_KEY", "abc"}}).push.vapid_private_key, "abc");
}

TEST(Config, EmptyValuesMeanUnset) {
  const auto config = load({{"API_PORT", ""}, {"PGHOST", ""}});
  EXPECT_EQ(config.server.port, 8080);
  EXPECT_FALSE(config.store.use_postgres);
}

}  // namespace
}  // namespace nicecream::config

#include "cli/runtime.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "cli/batched_log_sink.hpp"
#include "cli/json_log_format.hpp"
#include "config/config_error.hpp"
#include "config/environment.hpp"
#include "events/local/local_bus.hpp"
#include "events/redis/redis_bus.hpp"
#include "store/errors.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::cli {

namespace {
// A database server that is still starting (or restarting) is normal in a deployment: keep
// trying for a while, saying so, before giving up.
std::unique_ptr<store::Store> open_postgres_with_retries(const config::Config& config) {
  auto delay = std::chrono::milliseconds{250};
  const auto deadline = std::chrono::steady_clock::now() + config.store.connect_timeout;
  for (int attempt = 1;; ++attempt) {
    try {
      return store::postgres::open_postgres_store(
          config.store.postgres_conninfo, static_cast<std::size_t>(config.store.postgres_pool));
    } catch (const store::Unavailable& error) {
      if (std::chrono::steady_clock::now() + delay >= deadline) throw;
      spdlog::warn("database unavailable (attempt {}): {}; retrying in {} ms", attempt,
                   error.what(), delay.count());
      std::this_thread::sleep_for(delay);
      delay = std::min(delay * 2, std::chrono::milliseconds{5000});
    }
  }
}
}  // namespace

int run_command(const std::function<int(const config::Config&)>& body) {
  try {
    const auto config = config::load_config(config::process_environment());
    configure_logging(config);
    return body(config);
  } catch (const config::ConfigError& error) {
    std::cerr << "nicecream: configuration error: " << error.what() << "\n";
    return 2;
  } catch (const store::SchemaMismatch& error) {
    std::cerr << "nicecream: " << error.what() << "\n";
    return 3;
  } catch (const store::Unavailable& error) {
    std::cerr << "nicecream: database unavailable: " << error.what() << "\n";
    return 4;
  } catch (const std::exception& error) {
    std::cerr << "nicecream: " << error.what() << "\n";
    return 1;
  }
}

// One line per request must cost an I/O thread neither a system call nor a thread's wake-up:
// lines are written in batches by the sink's own thread every 50 ms, and at once for warnings
// and errors.
void configure_logging(const config::Config& config) {
  auto sink = std::make_shared<BatchedLogSink>(STDERR_FILENO);
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("nicecream", std::move(sink)));
  if (config.server.json_logs)
    spdlog::set_formatter(std::make_unique<JsonLogFormat>());
  else
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%f%z %l %v");
  spdlog::set_level(config.server.debug ? spdlog::level::debug : spdlog::level::info);
  spdlog::flush_on(spdlog::level::warn);
}

std::unique_ptr<lifecycle::RetentionWorker> start_retention(store::Store& store,
                                                            const config::Config& config) {
  if (!config.store.retention_days) return nullptr;
  return std::make_unique<lifecycle::RetentionWorker>(
      store, lifecycle::RetentionPolicy{.days = *config.store.retention_days});
}

std::unique_ptr<store::Store> open_store(const config::Config& config) {
  if (config.store.use_postgres) return open_postgres_with_retries(config);
  return store::sqlite::open_sqlite_store(config.store.data_dir,
                                          static_cast<std::size_t>(config.store.worker_threads));
}

void prepare_schema(store::Store& store, const config::Config& config) {
  if (!config.store.use_postgres) {
    if (const auto applied = store.migrate(); applied > 0)
      spdlog::info("applied {} migration(s) to {}", applied, config.store.data_dir.string());
    return;
  }
  const auto version = store.schema_version();
  if (version.current < version.latest)
    throw store::SchemaMismatch("the database schema is at version " +
                                std::to_string(version.current) + " but this binary needs " +
                                std::to_string(version.latest) + ": run `nicecream migrate`");
  if (version.current > version.latest)
    throw store::SchemaMismatch("the database schema (version " + std::to_string(version.current) +
                                ") is newer than this binary knows (" +
                                std::to_string(version.latest) + "): upgrade nicecream");
}

std::unique_ptr<events::Bus> open_bus(const config::Config& config, store::Store& store) {
  if (!config.events.use_redis) return std::make_unique<events::LocalBus>();
  events::redis::RedisSettings settings;
  settings.host = config.events.redis_host;
  settings.port = config.events.redis_port;
  settings.db = config.events.redis_db;
  settings.channel = config.events.redis_channel;
  return std::make_unique<events::redis::RedisBus>(settings, catch_up_from(store));
}

events::redis::CatchUp catch_up_from(store::Store& store) {
  return {
      .newest_id = [&store] { return store.latest_history_id(); },
      .items_after = [&store](
                         domain::Id after,
                         int limit) { return store.history_after(after, std::nullopt, limit); },
  };
}

}  // namespace nicecream::cli

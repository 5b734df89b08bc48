#pragma once

#include <functional>
#include <memory>

#include "config/config.hpp"
#include "events/bus.hpp"
#include "events/redis/catch_up.hpp"
#include "lifecycle/retention_worker.hpp"
#include "store/store.hpp"

namespace nicecream::cli {

// Runs a command body with the configuration loaded; every expected failure (bad settings,
// unusable database) becomes one clear line on stderr and a non-zero exit code.
int run_command(const std::function<int(const config::Config&)>& body);

void configure_logging(const config::Config& config);

// The only place that picks concrete engines.
std::unique_ptr<store::Store> open_store(const config::Config& config);
// Migrates an embedded store; refuses a PostgreSQL schema that does not match this binary.
void prepare_schema(store::Store& store, const config::Config& config);
std::unique_ptr<events::Bus> open_bus(const config::Config& config, store::Store& store);
// In serve and crawl: removes history older than NICECREAM_RETENTION_DAYS, hourly; null when the
// variable is unset (history kept for ever). Several processes may run it: each batch removes
// what is still there.
std::unique_ptr<lifecycle::RetentionWorker> start_retention(store::Store& store,
                                                            const config::Config& config);
// What the Redis bus reads from `store` when Redis did not deliver.
events::redis::CatchUp catch_up_from(store::Store& store);

}  // namespace nicecream::cli

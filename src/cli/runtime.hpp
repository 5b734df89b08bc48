#pragma once

#include <functional>
#include <memory>

#include "config/config.hpp"
#include "events/bus.hpp"
#include "events/redis/catch_up.hpp"
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
// What the Redis bus reads from `store` when Redis did not deliver.
events::redis::CatchUp catch_up_from(store::Store& store);

}  // namespace nicecream::cli

#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace nicecream::store::postgres {

inline constexpr std::size_t kDefaultPoolSize = 8;

// The server engine, over libpq. `conninfo` is a libpq connection string or URI; empty means
// libpq reads the PG* environment variables. Up to `pool_size` connections are opened, one per
// concurrent caller. Connects once at startup and throws store::Unavailable (without the
// password) when the server cannot be reached. The schema is not migrated here: call migrate().
std::unique_ptr<Store> open_postgres_store(std::string conninfo,
                                           std::size_t pool_size = kDefaultPoolSize);

}  // namespace nicecream::store::postgres

#pragma once

#include "store/migrations/migration.hpp"
#include "store/postgres/connection.hpp"

namespace nicecream::store::postgres {

// Held for the whole migration, so migrators started together run one after the other; the
// number is ours alone ("nicemigr" in ASCII).
inline constexpr const char* kMigrationLockKey = "7955999504005162866";

// Applies every migration beyond the recorded version inside the transaction the caller has open
// (and holds the migration lock for), so that they commit or vanish with the caller's own work.
// Returns how many ran.
int migrate_in_open_transaction(Connection& connection);

// Records `migration` as applied without running it: its schema was built another way (taking
// over the original's database).
void record_as_applied(Connection& connection, const migrations::Migration& migration);

// Refreshes the visibility map and planner statistics of the tables a migration loaded; outside
// any transaction.
void vacuum_loaded_tables(Connection& connection);

}  // namespace nicecream::store::postgres

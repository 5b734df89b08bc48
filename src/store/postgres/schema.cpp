#include "store/postgres/schema.hpp"

#include <limits>
#include <span>

#include "store/migrations/runner.hpp"
#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

const std::string kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";
const std::string kHasMigrationsTable = "SELECT to_regclass('schema_migrations') IS NOT NULL";
const std::string kCurrentVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";
const std::string kRecord =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3::timestamptz)";
const std::string kMigrationLock =
    std::string("SELECT pg_advisory_lock(") + kMigrationLockKey + ")";
const std::string kUnlock = std::string("SELECT pg_advisory_unlock(") + kMigrationLockKey + ")";
// The tables of some size: a migration's bulk loads leave them without a visibility map (every
// index-only scan visits the heap) and with planner statistics of their empty selves.
const std::string kLoadedTables =
    "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class AS c"
    " JOIN pg_namespace AS n ON n.oid = c.relnamespace"
    " WHERE c.relkind = 'r' AND n.nspname = current_schema()"
    " AND pg_relation_size(c.oid) > 8 * 1024 * 1024";

int current_version(Connection& connection) {
  if (connection.exec(kHasMigrationsTable).text(0, 0) != "t") return 0;
  return static_cast<int>(connection.exec(kCurrentVersion).int64(0, 0));
}

// Runs while the caller holds the migration lock, so the version read up front stays true.
// Each migration gets a transaction of its own unless the caller's transaction holds them all.
class PostgresMigrationTarget final : public migrations::MigrationTarget {
 public:
  PostgresMigrationTarget(Connection& connection, bool own_transactions)
      : connection_(connection), own_transactions_(own_transactions) {}

  int current_version() override {
    connection_.exec(kCreateMigrationsTable);
    return postgres::current_version(connection_);
  }

  bool apply(const migrations::Migration& migration) override {
    const auto run = [&] {
      connection_.exec_script(std::string(migration.sql));
      connection_.query(kRecord, std::int64_t{migration.version}, migration.name, domain::now());
    };
    if (own_transactions_)
      transaction(connection_, run);
    else
      run();
    return true;
  }

 private:
  Connection& connection_;
  bool own_transactions_;
};

// Applies what `wanted` holds beyond the current version, holding the migration lock.
int migrate_locked(Connection& connection, std::span<const migrations::Migration> wanted) {
  connection.exec_script(kMigrationLock);  // may wait long for another migrator, rightly
  try {
    PostgresMigrationTarget target(connection, true);
    const int applied = migrations::run_migrations(wanted, target);
    if (applied > 0) vacuum_loaded_tables(connection);
    connection.exec(kUnlock);
    return applied;
  } catch (...) {
    // A session lock outlives errors; a broken connection has lost it already.
    if (!connection.broken()) {
      try {
        connection.exec(kUnlock);
      } catch (...) {
        // The first error is the one to report.
      }
    }
    throw;
  }
}

}  // namespace

// Autovacuum would get there, but only minutes later: until then charts and song pages would
// read the heap behind every index entry. VACUUM cannot run inside the migrations' transactions.
void vacuum_loaded_tables(Connection& connection) {
  const auto tables = connection.exec(kLoadedTables);
  for (int row = 0; row < tables.rows(); ++row)
    connection.exec_script("VACUUM (ANALYZE) " + tables.text(row, 0));
}

void record_as_applied(Connection& connection, const migrations::Migration& migration) {
  connection.exec(kCreateMigrationsTable);
  connection.query(kRecord, std::int64_t{migration.version}, migration.name, domain::now());
}

int migrate_in_open_transaction(Connection& connection) {
  PostgresMigrationTarget target(connection, false);
  return migrations::run_migrations(migrations::postgres_migrations(), target);
}

SchemaVersion PostgresStore::schema_version() {
  return with_connection([](Connection& connection) {
    return SchemaVersion{current_version(connection),
                         migrations::latest_version(migrations::postgres_migrations())};
  });
}

int PostgresStore::migrate() {
  return migrate_to(std::numeric_limits<int>::max());
}

int PostgresStore::migrate_to(int version) {
  return with_connection([version](Connection& connection) {
    return migrate_locked(connection,
                          migrations::up_to(migrations::postgres_migrations(), version));
  });
}

}  // namespace nicecream::store::postgres

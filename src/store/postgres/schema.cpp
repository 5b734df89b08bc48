#include <limits>
#include <span>

#include "store/migrations/runner.hpp"
#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

// Held for the whole migration, so migrators started together run one after the other; the
// number is ours alone ("nicemigr" in ASCII).
constexpr const char* kMigrationLockKey = "7955999504005162866";

const std::string kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";
const std::string kHasMigrationsTable = "SELECT to_regclass('schema_migrations') IS NOT NULL";
const std::string kCurrentVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";
const std::string kRecord =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3::timestamptz)";
const std::string kLock = std::string("SELECT pg_advisory_lock(") + kMigrationLockKey + ")";
const std::string kUnlock = std::string("SELECT pg_advisory_unlock(") + kMigrationLockKey + ")";

int current_version(Connection& connection) {
  if (connection.exec(kHasMigrationsTable).text(0, 0) != "t") return 0;
  return static_cast<int>(connection.exec(kCurrentVersion).int64(0, 0));
}

// Runs while the caller holds the migration lock, so the version read up front stays true.
class PostgresMigrationTarget final : public migrations::MigrationTarget {
 public:
  explicit PostgresMigrationTarget(Connection& connection) : connection_(connection) {}

  int current_version() override {
    connection_.exec(kCreateMigrationsTable);
    return postgres::current_version(connection_);
  }

  bool apply(const migrations::Migration& migration) override {
    transaction(connection_, [&] {
      connection_.exec_script(std::string(migration.sql));
      connection_.query(kRecord, std::int64_t{migration.version}, migration.name, domain::now());
    });
    return true;
  }

 private:
  Connection& connection_;
};

// Applies what `wanted` holds beyond the current version, holding the migration lock.
int migrate_locked(Connection& connection, std::span<const migrations::Migration> wanted) {
  connection.exec_script(kLock);  // may wait long for another migrator, rightly
  try {
    PostgresMigrationTarget target(connection);
    const int applied = migrations::run_migrations(wanted, target);
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

#include <limits>

#include "store/migrations/runner.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";
const std::string kHasMigrationsTable =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
const std::string kCurrentVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";
const std::string kIsApplied = "SELECT count(*) FROM schema_migrations WHERE version = ?1";
const std::string kRecord =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)";

int current_version(Connection& connection) {
  auto has_table = connection.prepare(kHasMigrationsTable);
  if (!has_table.step() || has_table.int64(0) == 0) return 0;
  auto current = connection.prepare(kCurrentVersion);
  current.step();
  return static_cast<int>(current.int64(0));
}

class SqliteMigrationTarget final : public migrations::MigrationTarget {
 public:
  explicit SqliteMigrationTarget(Connection& connection) : connection_(connection) {}

  int current_version() override {
    write_transaction(connection_, [&] { connection_.exec(kCreateMigrationsTable); });
    return sqlite::current_version(connection_);
  }

  // Another process may be migrating the same file; the write lock orders us, the check skips
  // what it already did.
  bool apply(const migrations::Migration& migration) override {
    return write_transaction(connection_, [&] {
      if (is_applied(migration.version)) return false;
      connection_.exec(std::string(migration.sql));
      connection_.prepare(kRecord)
          .bind_all(std::int64_t{migration.version}, migration.name, domain::now())
          .step();
      return true;
    });
  }

 private:
  // Done with its statement before the migration runs: SQLite refuses DROP TABLE while any
  // statement of the connection is still reading.
  bool is_applied(int version) {
    auto applied = connection_.prepare(kIsApplied);
    applied.bind_all(std::int64_t{version});
    return applied.step() && applied.int64(0) > 0;
  }

  Connection& connection_;
};

}  // namespace

SchemaVersion SqliteStore::schema_version() {
  auto lease = connection();
  return {current_version(*lease), migrations::latest_version(migrations::sqlite_migrations())};
}

int SqliteStore::migrate() {
  return migrate_to(std::numeric_limits<int>::max());
}

int SqliteStore::migrate_to(int version) {
  auto lease = connection();
  SqliteMigrationTarget target(*lease);
  return migrations::run_migrations(migrations::up_to(migrations::sqlite_migrations(), version),
                                    target);
}

}  // namespace nicecream::store::sqlite

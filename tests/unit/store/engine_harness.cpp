#include "unit/store/engine_harness.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/postgres/test_database.hpp"
#include "unit/store/sqlite_file.hpp"
#include "unit/store/temp_dir.hpp"

namespace nicecream::store::test {

namespace {

// Small pools, so the tests also see callers wait for a connection.
constexpr std::size_t kPoolSize = 3;

class SqliteHarness final : public EngineHarness {
 public:
  std::unique_ptr<Store> open() override {
    return sqlite::open_sqlite_store(dir_.path(), kPoolSize);
  }
  void run_sql(const std::string& sql) override {
    SqliteFile(dir_.path() / sqlite::kDatabaseFileName).exec(sql);
  }

 private:
  TempDir dir_;
};

class PostgresHarness final : public EngineHarness {
 public:
  std::unique_ptr<Store> open() override {
    return postgres::open_postgres_store(database_.conninfo(), kPoolSize);
  }
  void run_sql(const std::string& sql) override { database_.exec(sql); }

 private:
  support::postgres::TestDatabase database_;
};

}  // namespace

std::string engine_name(Engine engine) {
  return engine == Engine::sqlite ? "sqlite" : "postgres";
}

std::unique_ptr<EngineHarness> make_harness(Engine engine) {
  if (engine == Engine::sqlite) return std::make_unique<SqliteHarness>();
  return std::make_unique<PostgresHarness>();
}

}  // namespace nicecream::store::test

#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "postgres/test_database.hpp"
#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::testing {

enum class Engine { sqlite, postgres };

inline std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "SQLite" : "PostgreSQL";
}

// A running `nicecream serve` on its own data directory (SQLite) or its own PostgreSQL database,
// plus direct access to its store for seeding history the way the crawler would.
class ServerTest : public ::testing::Test {
 protected:
  void start(std::map<std::string, std::string> env = {}) {
    if (engine_ == Engine::postgres) {
      database_ = std::make_unique<support::postgres::TestDatabase>();
      env["DATABASE_URL"] = database_->conninfo();
      const auto migrated = run_nicecream({"migrate"}, env);
      ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
    }
    server = ServerProcess::start_server(std::move(env));
    client = std::make_unique<HttpClient>(server->port());
  }
  void use_engine(Engine engine) { engine_ = engine; }
  store::Store& store() {
    if (!store_)
      store_ = engine_ == Engine::postgres
                   ? store::postgres::open_postgres_store(database_->conninfo(), 2)
                   : store::sqlite::open_sqlite_store(server->data_dir() / "data");
    return *store_;
  }
  // Records `count` titles round-robin over the three seeded channels; returns the last item id.
  domain::Id seed_history(int count) {
    domain::Id last = 0;
    for (int i = 0; i < count; ++i) {
      const auto channel = 1 + i % 3;
      auto outcome =
          store().record_title(channel, "Artist " + std::to_string(i) + " - Song", domain::now());
      last = outcome.inserted->id;
    }
    return last;
  }

  Engine engine_ = Engine::sqlite;
  std::unique_ptr<support::postgres::TestDatabase> database_;  // outlives the server below
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<HttpClient> client;
  std::unique_ptr<store::Store> store_;
};

}  // namespace nicecream::testing

#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <ostream>
#include <string>

#include "postgres/test_database.hpp"
#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::testing {

enum class Engine { sqlite, postgres };

inline std::string engine_label(Engine engine) {
  return engine == Engine::sqlite ? "SQLite" : "PostgreSQL";
}
inline void PrintTo(Engine engine, std::ostream* out) {
  *out << engine_label(engine);
}
inline std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return engine_label(info.param);
}
// Both engines, for INSTANTIATE_TEST_SUITE_P(Engines, Suite, both_engines(), engine_name).
inline auto both_engines() {
  return ::testing::Values(Engine::sqlite, Engine::postgres);
}

// Which store a test's `nicecream` uses: SQLite in its data directory (the default), or a
// PostgreSQL database of the test's own on the server the test script started.
class EngineTest : public ::testing::Test {
 protected:
  void use_engine(Engine engine) { engine_ = engine; }

  // The settings that point `nicecream` at this test's store: none for SQLite, DATABASE_URL for
  // PostgreSQL (its database is created empty on first use and dropped with the test).
  std::map<std::string, std::string> engine_environment() {
    if (engine_ != Engine::postgres) return {};
    if (!database_) database_ = std::make_unique<support::postgres::TestDatabase>();
    return {{"DATABASE_URL", database_->conninfo()}};
  }

  // Adds those settings to `env` and readies the store for `serve` and the other commands, as a
  // deployment does: PostgreSQL's schema is a deployment step (`nicecream migrate`, run here
  // once); every command migrates SQLite's data directory itself.
  void prepare_store(std::map<std::string, std::string>& env) {
    auto store_settings = engine_environment();
    if (engine_ == Engine::postgres && !migrated_) {
      const auto migrated = run_nicecream({"migrate"}, store_settings);
      ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
      migrated_ = true;
    }
    env.merge(store_settings);
  }

  // The next store is a new one.
  void forget_store() {
    database_.reset();
    migrated_ = false;
  }

  Engine engine_ = Engine::sqlite;
  std::unique_ptr<support::postgres::TestDatabase> database_;  // outlives any server of the test
  bool migrated_ = false;
};

// A running `nicecream serve` on its own data directory (SQLite) or its own PostgreSQL database,
// plus direct access to its store for seeding history the way the crawler would.
class ServerTest : public EngineTest {
 protected:
  void start(std::map<std::string, std::string> env = {}) {
    prepare_store(env);
    if (HasFatalFailure()) return;
    server = ServerProcess::start_server(std::move(env));
    client = std::make_unique<HttpClient>(server->port());
  }
  // Stops the server and starts another with `env`, on a new store like the first one's.
  void restart(std::map<std::string, std::string> env = {}) {
    client.reset();
    store_.reset();
    server.reset();
    forget_store();
    start(std::move(env));
  }
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

  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<HttpClient> client;
  std::unique_ptr<store::Store> store_;
};

// `nicecream` commands run to completion on a scratch data directory and this test's store.
class CommandTest : public EngineTest {
 protected:
  // `extra` with the settings of a new store, as `nicecream migrate` first finds it.
  std::map<std::string, std::string> env(std::map<std::string, std::string> extra = {}) {
    extra.merge(engine_environment());
    extra.try_emplace("NICECREAM_DATA_DIR", (scratch.path() / "data").string());
    return extra;
  }
  // The same once the store is ready for every command (see prepare_store).
  std::map<std::string, std::string> ready_env(std::map<std::string, std::string> extra = {}) {
    auto settings = env(std::move(extra));
    prepare_store(settings);
    return settings;
  }

  TempDir scratch;
};

// `Fixture` run once on each engine: write TEST_P and instantiate the suite with
// INSTANTIATE_TEST_SUITE_P(Engines, Suite, both_engines(), engine_name).
template <class Fixture = ServerTest>
class OnEachEngine : public Fixture, public ::testing::WithParamInterface<Engine> {
 protected:
  OnEachEngine() { this->use_engine(GetParam()); }
};

}  // namespace nicecream::testing

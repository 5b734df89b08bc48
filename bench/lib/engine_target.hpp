#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::bench {

// Which engine a store-level benchmark runs on, and where its database is.
struct EngineTarget {
  std::string engine = "sqlite";
  std::string data_dir;  // SQLite
  std::string conninfo;  // PostgreSQL; empty: the PG* environment variables

  bool postgres() const { return engine == "postgres"; }
  std::string sqlite_file() const {
    return (std::filesystem::path(data_dir) / store::sqlite::kDatabaseFileName).string();
  }
  bool has_database() const;
  // Where a copy of this database lives: a folder beside it, or a database beside it on the same
  // server. The copy taken before the later migrations run is the "before" side of a comparison.
  EngineTarget copy_target() const;
  // Replaces `copy`'s database with this one's; nothing may be connected to this one (PostgreSQL
  // copies by template).
  void copy_database_to(const EngineTarget& copy) const;
  // One connection: the benchmarks time one caller.
  std::unique_ptr<store::Store> open_store() const {
    if (postgres()) return store::postgres::open_postgres_store(conninfo, 1);
    return store::sqlite::open_sqlite_store(data_dir, 1);
  }
};

inline void add_engine_options(CLI::App& app, EngineTarget& target) {
  app.add_option("--engine", target.engine, "sqlite or postgres")
      ->check(CLI::IsMember({"sqlite", "postgres"}));
  app.add_option("--data-dir", target.data_dir, "SQLite data directory");
  app.add_option("--conninfo", target.conninfo, "PostgreSQL connection string (default: PG*)");
}

}  // namespace nicecream::bench

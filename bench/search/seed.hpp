#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "corpus.hpp"

namespace nicecream::bench {

// What the seeders write into a database at schema version 1 (before the search indexes and
// rollups exist): the corpus's songs, then `items` history items round robin over the three
// seeded channels, one every `spacing_seconds`, the newest one a minute ago. The migrations that
// follow build the indexes and rollups from it, as they would on an operator's database.
struct SeedPlan {
  std::int64_t items = 10'000'000;
  std::int64_t songs = 1'000'000;
  std::int64_t spacing_seconds = 6;
};

// Seconds since the epoch of history row `i` (1-based) as an SQL expression of `i`.
std::string item_unix_seconds_sql(const SeedPlan& plan, std::int64_t now_seconds);

void seed_sqlite(const std::filesystem::path& database_file, const SeedPlan& plan,
                 const Corpus& corpus);
void seed_postgres(const std::string& conninfo, const SeedPlan& plan, const Corpus& corpus);

}  // namespace nicecream::bench

namespace nicecream::bench {

// Runs one SQL query to its last row on a connection of its own, bypassing the store: for ANALYZE,
// and the LIKE scan shown for contrast.
class RawSql {
 public:
  virtual ~RawSql() = default;
  virtual std::int64_t rows(const std::string& sql) = 0;  // rows returned
};

std::unique_ptr<RawSql> raw_sqlite(const std::filesystem::path& database_file);
std::unique_ptr<RawSql> raw_postgres(const std::string& conninfo);

}  // namespace nicecream::bench

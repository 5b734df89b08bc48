#include <sqlite3.h>

#include <memory>
#include <stdexcept>

#include "lib/raw_sql.hpp"
#include "seed.hpp"

namespace nicecream::bench {

namespace {

std::int64_t count_items(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM history", -1, &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
  sqlite3_step(statement.get());
  return sqlite3_column_int64(statement.get(), 0);
}

// A recursive CTE counts 1..n inside SQLite, so each table is one INSERT ... SELECT in one
// transaction: no round trips, one commit.
std::string numbers(std::int64_t count) {
  return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
         std::to_string(count) + ") ";
}

}  // namespace

std::int64_t seed_sqlite(const std::filesystem::path& database_file, const SeedPlan& plan) {
  auto db = open_sqlite(database_file.string());
  if (const auto present = count_items(db.get()); present > 0) return present;

  exec_sqlite(db.get(), "PRAGMA cache_size = -524288");  // 512 MiB: the index build stays in memory
  exec_sqlite(db.get(), "PRAGMA synchronous = OFF");
  exec_sqlite(db.get(), "BEGIN");
  exec_sqlite(db.get(),
              numbers(plan.songs) +
                  "INSERT INTO songs (title, artist, track) SELECT 'Artist ' || (i % 997) ||"
                  " ' - Track ' || i, 'Artist ' || (i % 997), 'Track ' || i FROM n");
  load_history_sqlite(db.get(), numbers(plan.items) +
                                    "INSERT INTO history (created_at, song_id, channel_id)"
                                    " SELECT 1577836800000000 + i * 30000000, 1 + (i * 7919) % " +
                                    std::to_string(plan.songs) + ", 1 + i % 3 FROM n");
  exec_sqlite(db.get(), "INSERT INTO users (sub, given_name) VALUES ('" + std::string(kViewerSub) +
                            "', 'Bench')");
  exec_sqlite(db.get(),
              "INSERT INTO bookmarks (created_at, user_id, song_id) SELECT 1577836800000000,"
              " (SELECT id FROM users WHERE sub = '" +
                  std::string(kViewerSub) + "'), id FROM songs WHERE id % 10 = 0");
  exec_sqlite(db.get(), "COMMIT");
  exec_sqlite(db.get(), "ANALYZE");
  return count_items(db.get());
}

}  // namespace nicecream::bench

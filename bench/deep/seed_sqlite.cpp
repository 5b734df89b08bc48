#include <sqlite3.h>

#include <memory>
#include <stdexcept>

#include "seed.hpp"

namespace nicecream::bench {

namespace {

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;

void exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw std::runtime_error("seeding SQLite: " + text + "\n  in: " + sql.substr(0, 200));
  }
}

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
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(database_file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + database_file.string());
  Database db(raw, &sqlite3_close_v2);
  if (const auto present = count_items(db.get()); present > 0) return present;

  exec(db.get(), "PRAGMA cache_size = -524288");  // 512 MiB: the index build stays in memory
  exec(db.get(), "PRAGMA synchronous = OFF");
  exec(db.get(), "BEGIN");
  exec(db.get(), numbers(plan.songs) +
                     "INSERT INTO songs (title, artist, track) SELECT 'Artist ' || (i % 997) ||"
                     " ' - Track ' || i, 'Artist ' || (i % 997), 'Track ' || i FROM n");
  // Built after the load, one sort instead of ten million scattered inserts.
  exec(db.get(), "DROP INDEX history_channel_id_id");
  exec(db.get(), numbers(plan.items) +
                     "INSERT INTO history (created_at, song_id, channel_id)"
                     " SELECT 1577836800000000 + i * 30000000, 1 + (i * 7919) % " +
                     std::to_string(plan.songs) + ", 1 + i % 3 FROM n");
  exec(db.get(), "CREATE INDEX history_channel_id_id ON history (channel_id, id)");
  exec(db.get(),
       "INSERT INTO users (sub, given_name) VALUES ('" + std::string(kViewerSub) + "', 'Bench')");
  exec(db.get(),
       "INSERT INTO bookmarks (created_at, user_id, song_id) SELECT 1577836800000000,"
       " (SELECT id FROM users WHERE sub = '" +
           std::string(kViewerSub) + "'), id FROM songs WHERE id % 10 = 0");
  exec(db.get(), "COMMIT");
  exec(db.get(), "ANALYZE");
  return count_items(db.get());
}

}  // namespace nicecream::bench

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

#include "domain/song_title.hpp"
#include "lib/raw_sql.hpp"
#include "seed.hpp"

namespace nicecream::bench {

namespace {

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

// As the store of schema version 1 wrote them: the title split into artist and track.
void insert_songs(sqlite3* db, const Corpus& corpus) {
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO songs (id, title, artist, track) VALUES (?1, ?2, ?3, ?4)", -1,
                     &raw, nullptr);
  Statement insert(raw, &sqlite3_finalize);
  for (std::int64_t id = 1; id <= corpus.songs(); ++id) {
    const auto title = corpus.title(id);
    const auto parts = domain::split_artist_and_track(title);
    sqlite3_bind_int64(insert.get(), 1, id);
    bind_text(insert.get(), 2, title);
    bind_text(insert.get(), 3, parts.artist);
    bind_text(insert.get(), 4, parts.track);
    if (sqlite3_step(insert.get()) != SQLITE_DONE)
      throw std::runtime_error("seeding SQLite: " + std::string(sqlite3_errmsg(db)));
    sqlite3_reset(insert.get());
  }
}

}  // namespace

void seed_sqlite(const std::filesystem::path& database_file, const SeedPlan& plan,
                 const Corpus& corpus) {
  auto db = open_sqlite(database_file.string());
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  exec_sqlite(db.get(), "PRAGMA cache_size = -524288");
  exec_sqlite(db.get(), "PRAGMA synchronous = OFF");
  exec_sqlite(db.get(), "BEGIN");
  insert_songs(db.get(), corpus);
  load_history_sqlite(db.get(),
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                          std::to_string(plan.items) +
                          ") INSERT INTO history (created_at, song_id, channel_id) SELECT (" +
                          item_unix_seconds_sql(plan, now) + ") * 1000000, " +
                          corpus.song_of_item_sql("i") + ", 1 + i % 3 FROM n");
  exec_sqlite(db.get(), "COMMIT");
}

std::string item_unix_seconds_sql(const SeedPlan& plan, std::int64_t now_seconds) {
  return std::to_string(now_seconds - 60 - plan.items * plan.spacing_seconds) + " + i * " +
         std::to_string(plan.spacing_seconds);
}

}  // namespace nicecream::bench

namespace nicecream::bench {

namespace {

class RawSqlite final : public RawSql {
 public:
  explicit RawSqlite(const std::filesystem::path& file) : db_(open_sqlite(file.string())) {}

  std::int64_t rows(const std::string& sql) override {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
      throw std::runtime_error("SQLite: " + std::string(sqlite3_errmsg(db_.get())));
    Statement statement(raw, &sqlite3_finalize);
    std::int64_t count = 0;
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(statement.get())) == SQLITE_ROW) ++count;
    if (status != SQLITE_DONE)
      throw std::runtime_error("SQLite: " + std::string(sqlite3_errmsg(db_.get())));
    return count;
  }

 private:
  SqliteDatabase db_;
};

}  // namespace

std::unique_ptr<RawSql> raw_sqlite(const std::filesystem::path& database_file) {
  return std::make_unique<RawSqlite>(database_file);
}

}  // namespace nicecream::bench

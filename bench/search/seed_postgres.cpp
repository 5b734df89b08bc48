#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <stdexcept>

#include "domain/song_title.hpp"
#include "lib/raw_sql.hpp"
#include "seed.hpp"

namespace nicecream::bench {

namespace {

// COPY's text format: tab-separated, with backslash, tab and newline escaped.
std::string copy_field(const std::string& text) {
  std::string field;
  for (const char c : text) {
    if (c == '\\' || c == '\t' || c == '\n') field += '\\';
    field += c == '\t' ? 't' : c == '\n' ? 'n' : c;
  }
  return field;
}

void copy_songs(PGconn* db, const Corpus& corpus) {
  exec_postgres(db, "COPY songs (id, title, artist, track) FROM STDIN");
  std::string chunk;
  for (std::int64_t id = 1; id <= corpus.songs(); ++id) {
    const auto title = corpus.title(id);
    const auto parts = domain::split_artist_and_track(title);
    chunk += std::to_string(id) + "\t" + copy_field(title) + "\t" + copy_field(parts.artist) +
             "\t" + copy_field(parts.track) + "\n";
    if (chunk.size() < (1 << 20) && id < corpus.songs()) continue;
    if (PQputCopyData(db, chunk.data(), static_cast<int>(chunk.size())) != 1)
      throw std::runtime_error("seeding PostgreSQL: " + std::string(PQerrorMessage(db)));
    chunk.clear();
  }
  if (PQputCopyEnd(db, nullptr) != 1)
    throw std::runtime_error("seeding PostgreSQL: " + std::string(PQerrorMessage(db)));
  PostgresResult result(PQgetResult(db), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw std::runtime_error("seeding PostgreSQL: " + std::string(PQerrorMessage(db)));
  while (PostgresResult rest{PQgetResult(db), &PQclear}) {
  }
}

}  // namespace

void seed_postgres(const std::string& conninfo, const SeedPlan& plan, const Corpus& corpus) {
  auto connection = open_postgres(conninfo);
  auto* db = connection.get();
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  exec_postgres(db, "SET maintenance_work_mem = '512MB'");
  exec_postgres(db, "BEGIN");
  copy_songs(db, corpus);
  exec_postgres(db, "SELECT setval(pg_get_serial_sequence('songs', 'id'), " +
                        std::to_string(corpus.songs()) + ")");
  load_history_postgres(
      db, "INSERT INTO history (created_at, song_id, channel_id) SELECT to_timestamp(" +
              item_unix_seconds_sql(plan, now) + "), " + corpus.song_of_item_sql("i") +
              ", 1 + i % 3 FROM generate_series(1::bigint, " + std::to_string(plan.items) +
              ") AS i");
  exec_postgres(db, "COMMIT");
}

}  // namespace nicecream::bench

namespace nicecream::bench {

namespace {

class RawPostgres final : public RawSql {
 public:
  explicit RawPostgres(const std::string& conninfo) : connection_(open_postgres(conninfo)) {}

  std::int64_t rows(const std::string& sql) override {
    return PQntuples(exec_postgres(connection_.get(), sql).get());
  }

 private:
  PostgresConnection connection_;
};

}  // namespace

std::unique_ptr<RawSql> raw_postgres(const std::string& conninfo) {
  return std::make_unique<RawPostgres>(conninfo);
}

}  // namespace nicecream::bench

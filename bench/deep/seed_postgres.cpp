#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

#include "seed.hpp"

namespace nicecream::bench {

namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

Result exec(PGconn* connection, const std::string& sql) {
  Result result(PQexec(connection, sql.c_str()), &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error("seeding PostgreSQL: " + std::string(PQerrorMessage(connection)) +
                             "  in: " + sql.substr(0, 200));
  return result;
}

std::int64_t count_items(PGconn* connection) {
  return std::stoll(PQgetvalue(exec(connection, "SELECT count(*) FROM history").get(), 0, 0));
}

}  // namespace

std::int64_t seed_postgres(const std::string& conninfo, const SeedPlan& plan) {
  Connection connection(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK)
    throw std::runtime_error("seeding PostgreSQL: " +
                             std::string(PQerrorMessage(connection.get())));
  auto* db = connection.get();
  if (const auto present = count_items(db); present > 0) return present;

  exec(db, "SET maintenance_work_mem = '512MB'");
  exec(db, "BEGIN");
  exec(db,
       "INSERT INTO songs (title, artist, track) SELECT 'Artist ' || (i % 997) ||"
       " ' - Track ' || i, 'Artist ' || (i % 997), 'Track ' || i"
       " FROM generate_series(1, " +
           std::to_string(plan.songs) + ") AS i");
  // Indexes and foreign keys are rebuilt and checked once after the load, not per row.
  exec(db, "DROP INDEX history_channel_id_id");
  exec(db,
       "ALTER TABLE history DROP CONSTRAINT history_song_id_fkey,"
       " DROP CONSTRAINT history_channel_id_fkey");
  exec(db,
       "INSERT INTO history (created_at, song_id, channel_id)"
       " SELECT timestamptz '2020-01-01 00:00:00+00' + i * interval '30 seconds',"
       " 1 + (i * 7919) % " +
           std::to_string(plan.songs) +
           ", 1 + i % 3"
           " FROM generate_series(1::bigint, " +
           std::to_string(plan.items) + ") AS i");
  exec(db, "CREATE INDEX history_channel_id_id ON history (channel_id, id)");
  exec(db,
       "ALTER TABLE history"
       " ADD CONSTRAINT history_song_id_fkey FOREIGN KEY (song_id) REFERENCES songs (id),"
       " ADD CONSTRAINT history_channel_id_fkey FOREIGN KEY (channel_id)"
       " REFERENCES channels (id) ON DELETE CASCADE");
  exec(db,
       "INSERT INTO users (sub, given_name) VALUES ('" + std::string(kViewerSub) + "', 'Bench')");
  exec(db,
       "INSERT INTO bookmarks (created_at, user_id, song_id) SELECT now(),"
       " (SELECT id FROM users WHERE sub = '" +
           std::string(kViewerSub) + "'), id FROM songs WHERE id % 10 = 0");
  exec(db, "COMMIT");
  exec(db, "VACUUM ANALYZE");
  return count_items(db);
}

}  // namespace nicecream::bench

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

#include "lib/raw_sql.hpp"
#include "seed.hpp"

namespace nicecream::bench {

namespace {

std::int64_t count_items(PGconn* connection) {
  return std::stoll(
      PQgetvalue(exec_postgres(connection, "SELECT count(*) FROM history").get(), 0, 0));
}

}  // namespace

std::int64_t seed_postgres(const std::string& conninfo, const SeedPlan& plan) {
  auto connection = open_postgres(conninfo);
  auto* db = connection.get();
  if (const auto present = count_items(db); present > 0) return present;

  exec_postgres(db, "SET maintenance_work_mem = '512MB'");
  exec_postgres(db, "BEGIN");
  exec_postgres(db,
                "INSERT INTO songs (title, artist, track) SELECT 'Artist ' || (i % 997) ||"
                " ' - Track ' || i, 'Artist ' || (i % 997), 'Track ' || i"
                " FROM generate_series(1, " +
                    std::to_string(plan.songs) + ") AS i");
  // Indexes and foreign keys are rebuilt and checked once after the load, not per row.
  exec_postgres(db, "DROP INDEX history_channel_id_id");
  exec_postgres(db,
                "ALTER TABLE history DROP CONSTRAINT history_song_id_fkey,"
                " DROP CONSTRAINT history_channel_id_fkey");
  exec_postgres(db,
                "INSERT INTO history (created_at, song_id, channel_id)"
                " SELECT timestamptz '2020-01-01 00:00:00+00' + i * interval '30 seconds',"
                " 1 + (i * 7919) % " +
                    std::to_string(plan.songs) +
                    ", 1 + i % 3"
                    " FROM generate_series(1::bigint, " +
                    std::to_string(plan.items) + ") AS i");
  exec_postgres(db, "CREATE INDEX history_channel_id_id ON history (channel_id, id)");
  exec_postgres(db,
                "ALTER TABLE history"
                " ADD CONSTRAINT history_song_id_fkey FOREIGN KEY (song_id) REFERENCES songs (id),"
                " ADD CONSTRAINT history_channel_id_fkey FOREIGN KEY (channel_id)"
                " REFERENCES channels (id) ON DELETE CASCADE");
  exec_postgres(db, "INSERT INTO users (sub, given_name) VALUES ('" + std::string(kViewerSub) +
                        "', 'Bench')");
  exec_postgres(db,
                "INSERT INTO bookmarks (created_at, user_id, song_id) SELECT now(),"
                " (SELECT id FROM users WHERE sub = '" +
                    std::string(kViewerSub) + "'), id FROM songs WHERE id % 10 = 0");
  exec_postgres(db, "COMMIT");
  exec_postgres(db, "VACUUM ANALYZE");
  return count_items(db);
}

}  // namespace nicecream::bench

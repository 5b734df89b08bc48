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
  load_history_postgres(db,
                        "INSERT INTO history (created_at, song_id, channel_id)"
                        " SELECT timestamptz '2020-01-01 00:00:00+00' + i * interval '30 seconds',"
                        " 1 + (i * 7919) % " +
                            std::to_string(plan.songs) +
                            ", 1 + i % 3"
                            " FROM generate_series(1::bigint, " +
                            std::to_string(plan.items) + ") AS i");
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

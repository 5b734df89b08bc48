#include "store/postgres/takeover.hpp"

#include <stdexcept>

#include "store/errors.hpp"
#include "store/migrations/migration.hpp"
#include "store/postgres/original_database.hpp"
#include "store/postgres/schema.hpp"
#include "store/postgres/takeover_data.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

const std::string kOriginalTables =
    "ARRAY['channels', 'songs', 'history', 'users', 'bookmarks']::regclass[]";
const std::string kTakeoverLock =
    std::string("SELECT pg_advisory_xact_lock(") + kMigrationLockKey + ")";
const std::string kKnownZone = "SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)";

// What stands in the way of our constraints and types: the original's foreign keys and its
// plain indexes (ix_songs_title, ix_users_sub); ours are added after the rows fit them.
const std::string kDropOriginalKeys =
    "SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', conrelid::regclass, conname)"
    " FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY (" +
    kOriginalTables +
    ")"
    " UNION ALL SELECT format('DROP INDEX %s', i.indexrelid::regclass) FROM pg_index AS i"
    " WHERE i.indrelid = ANY (" +
    kOriginalTables +
    ") AND NOT EXISTS"
    " (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = i.indexrelid)"
    " UNION ALL SELECT format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', conrelid::regclass,"
    " conname, conrelid::regclass || '_pkey') FROM pg_constraint WHERE contype = 'p'"
    " AND conrelid = ANY (" +
    kOriginalTables + ") AND conname <> conrelid::regclass || '_pkey'";

std::string quoted(std::string_view text) {
  std::string literal = "'";
  for (const char character : text) {
    if (character == '\'') literal += '\'';
    literal += character;
  }
  return literal + "'";
}

// Our column types around the kept rows: ids to bigint, text, naive times read in `zone`,
// the columns the original lacks. One ALTER per table, so each is rewritten once.
std::string retype_tables(const std::string& zone) {
  const auto as_of_zone = [&zone](const std::string& column) {
    return "ALTER COLUMN " + column + " DROP DEFAULT, ALTER COLUMN " + column +
           " TYPE timestamptz USING " + column + " AT TIME ZONE " + quoted(zone);
  };
  return "ALTER TABLE channels ALTER COLUMN id TYPE bigint, ALTER COLUMN name TYPE text,"
         " ALTER COLUMN url TYPE text, ADD COLUMN format text NOT NULL DEFAULT 'voscast',"
         " ADD COLUMN title_pointer text NOT NULL DEFAULT '';"
         "ALTER TABLE channels ALTER COLUMN format SET DEFAULT 'auto';"
         "ALTER TABLE songs ALTER COLUMN id TYPE bigint, ALTER COLUMN title TYPE text,"
         " ADD COLUMN artist text NOT NULL DEFAULT '', ADD COLUMN track text NOT NULL DEFAULT '';"
         "ALTER TABLE history ALTER COLUMN id TYPE bigint, " +
         as_of_zone("created_at") +
         ","
         " ALTER COLUMN song_id TYPE bigint, ALTER COLUMN song_id SET NOT NULL,"
         " ALTER COLUMN channel_id TYPE bigint, ALTER COLUMN channel_id SET NOT NULL;"
         "ALTER TABLE users ALTER COLUMN id TYPE bigint, ALTER COLUMN sub TYPE text USING "
         "rtrim(sub),"
         " ALTER COLUMN picture TYPE text USING coalesce(picture, ''),"
         " ALTER COLUMN picture SET DEFAULT '', ALTER COLUMN picture SET NOT NULL,"
         " ALTER COLUMN given_name TYPE text, ALTER COLUMN given_name SET DEFAULT '',"
         " ALTER COLUMN given_name SET NOT NULL, ALTER COLUMN family_name TYPE text,"
         " ALTER COLUMN family_name SET DEFAULT '', ALTER COLUMN family_name SET NOT NULL;"
         "ALTER TABLE bookmarks ALTER COLUMN id TYPE bigint, " +
         as_of_zone("created_at") +
         ","
         " ALTER COLUMN user_id TYPE bigint, ALTER COLUMN user_id SET NOT NULL,"
         " ALTER COLUMN song_id TYPE bigint, ALTER COLUMN song_id SET NOT NULL";
}

// Times the original left empty (its columns allowed NULL): an airing gets the time of the one
// before it, so the order by id and by time still agree; a bookmark the conversion's time.
const std::string kFillMissingTimes =
    "UPDATE history AS h SET created_at = coalesce((SELECT p.created_at FROM history AS p"
    " WHERE p.id < h.id AND p.created_at IS NOT NULL ORDER BY p.id DESC LIMIT 1), 'epoch')"
    " WHERE h.created_at IS NULL;"
    "UPDATE bookmarks SET created_at = now() WHERE created_at IS NULL";

// What migration 0001 declares beyond the columns, under the names it gets there.
const std::string kOurConstraints =
    "ALTER TABLE channels ADD CONSTRAINT channels_name_key UNIQUE (name),"
    " ADD CONSTRAINT channels_name_check CHECK (char_length(name) BETWEEN 1 AND 10);"
    "ALTER TABLE songs ADD CONSTRAINT songs_title_key UNIQUE (title);"
    "ALTER TABLE history ALTER COLUMN created_at SET NOT NULL,"
    " ADD CONSTRAINT history_song_id_fkey FOREIGN KEY (song_id) REFERENCES songs (id),"
    " ADD CONSTRAINT history_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels (id)"
    " ON DELETE CASCADE;"
    "CREATE INDEX history_channel_id_id ON history (channel_id, id);"
    "ALTER TABLE users ADD CONSTRAINT users_sub_key UNIQUE (sub);"
    "ALTER TABLE bookmarks ALTER COLUMN created_at SET NOT NULL,"
    " ADD CONSTRAINT bookmarks_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)"
    " ON DELETE CASCADE,"
    " ADD CONSTRAINT bookmarks_song_id_fkey FOREIGN KEY (song_id) REFERENCES songs (id),"
    " ADD CONSTRAINT bookmarks_user_id_song_id_key UNIQUE (user_id, song_id);"
    "CREATE INDEX bookmarks_user_id_id ON bookmarks (user_id, id);"
    "CREATE TABLE channel_leases (channel_id bigint PRIMARY KEY REFERENCES channels (id)"
    " ON DELETE CASCADE, owner text NOT NULL, expires_at timestamptz NOT NULL);"
    "CREATE TABLE crawler_owners (owner text PRIMARY KEY, seen_until timestamptz NOT NULL)";

// The highest id the original's sequence handed out: ids deleted at the top are not reused.
std::int64_t last_handed_out(Connection& connection, const std::string& sequence) {
  return connection.exec("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + sequence)
      .int64(0, 0);
}

// The original's serial columns become identities that continue after every id it handed out.
void identities_after_kept_ids(Connection& connection) {
  for (const std::string table : {"channels", "songs", "history", "users", "bookmarks"}) {
    const auto sequence =
        connection.query("SELECT coalesce(pg_get_serial_sequence($1, 'id'), '')", table).text(0, 0);
    const std::int64_t handed = sequence.empty() ? 0 : last_handed_out(connection, sequence);
    if (!sequence.empty())
      connection.exec_script("ALTER TABLE " + table + " ALTER COLUMN id DROP DEFAULT;" +
                             "DROP SEQUENCE " + sequence);
    connection.exec_script("ALTER TABLE " + table +
                           " ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY");
    connection.exec_script("SELECT setval(pg_get_serial_sequence('" + table +
                           "', 'id'), greatest(last, 1), last > 0) FROM (SELECT greatest(" +
                           std::to_string(handed) + ", coalesce(max(id), 0)) AS last FROM " +
                           table + ") AS top");
  }
}

void drop_original_keys(Connection& connection) {
  const auto statements = connection.exec(kDropOriginalKeys);
  for (int row = 0; row < statements.rows(); ++row) connection.exec_script(statements.text(row, 0));
}

void check_zone(Connection& connection, const std::string& zone) {
  if (connection.query(kKnownZone, zone).text(0, 0) != "t")
    throw std::invalid_argument("--original-timezone: PostgreSQL knows no time zone '" + zone +
                                "' (see pg_timezone_names)");
}

void require_original_head(const DatabaseOrigin& origin) {
  if (origin.is_original_head()) return;
  if (!origin.alembic_revision)
    throw SchemaMismatch(
        "this database is not the Python original's (no alembic_version table): "
        "use `nicecream migrate`");
  if (origin.has_our_schema)
    throw SchemaMismatch("this database was converted from the original already");
  throw SchemaMismatch("this database has alembic revision '" + *origin.alembic_revision +
                       "', not the original's head " + std::string(kOriginalHeadRevision) +
                       ": upgrade the original to its head (alembic upgrade head) first");
}

// Our migration 1 is what the steps above built; it is recorded, then the rest run as usual.
int migrate_from_baseline(Connection& connection) {
  record_as_applied(connection, migrations::postgres_migrations().front());
  return 1 + migrate_in_open_transaction(connection);
}

}  // namespace

TakeoverReport convert_original_in_open_transaction(Connection& connection,
                                                    const TakeoverOptions& options) {
  require_original_head(inspect_origin(connection));
  check_zone(connection, options.original_timezone);
  TakeoverReport report;
  auto& lines = report.lines;
  takeover::open_counts(connection);
  takeover::report_sizes(connection, lines);
  takeover::merge_duplicate_songs(connection, lines);
  takeover::merge_duplicate_users(connection, lines);
  takeover::collapse_duplicate_bookmarks(connection, lines);
  takeover::rename_unfit_channels(connection, lines);
  const auto pictures =
      connection.exec("SELECT count(*) FROM users WHERE picture IS NULL").int64(0, 0);
  lines.push_back("users: " + std::to_string(pictures) + " pictures NULL, set to ''");
  drop_original_keys(connection);
  connection.exec_script(retype_tables(options.original_timezone));
  connection.exec_script(kFillMissingTimes);
  identities_after_kept_ids(connection);
  connection.exec_script(kOurConstraints);
  takeover::fill_artist_and_track(connection);
  lines.push_back("times read as " + options.original_timezone +
                  "; every channel's format voscast; artist and track split from the titles;"
                  " alembic_version kept");
  const auto applied = migrate_from_baseline(connection);
  lines.push_back("migrations 1.." + std::to_string(applied) + " applied");
  report.converted = true;
  return report;
}

TakeoverReport take_over_original(const std::string& conninfo, const TakeoverOptions& options) {
  const auto connection = Connection::open(conninfo);
  connection->exec("BEGIN");
  try {
    connection->exec(kTakeoverLock);
    if (inspect_origin(*connection).is_converted_original()) {
      connection->exec("ROLLBACK");
      return {false, {"converted from the original already: nothing to do"}};
    }
    auto report = convert_original_in_open_transaction(*connection, options);
    if (options.dry_run) {
      connection->exec("ROLLBACK");
      report.lines.push_back("dry run: rolled back, nothing changed");
      return report;
    }
    connection->exec("COMMIT");
    vacuum_loaded_tables(*connection);
    return report;
  } catch (...) {
    try {
      connection->exec("ROLLBACK");
    } catch (...) {
      // The first error is the one to report.
    }
    throw;
  }
}

}  // namespace nicecream::store::postgres

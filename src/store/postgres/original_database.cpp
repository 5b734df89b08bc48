#include "store/postgres/original_database.hpp"

#include "store/errors.hpp"

namespace nicecream::store::postgres {

namespace {

const std::string kTables =
    "SELECT to_regclass('alembic_version') IS NOT NULL, to_regclass('schema_migrations') IS NOT "
    "NULL";
const std::string kRevision =
    "SELECT coalesce(string_agg(version_num, ', ' ORDER BY version_num), '') FROM alembic_version";

}  // namespace

DatabaseOrigin inspect_origin(Connection& connection) {
  const auto tables = connection.exec(kTables);
  DatabaseOrigin origin;
  origin.has_our_schema = tables.text(0, 1) == "t";
  if (tables.text(0, 0) == "t") origin.alembic_revision = connection.exec(kRevision).text(0, 0);
  return origin;
}

void refuse_original_database(const std::string& conninfo) {
  const auto connection = Connection::open(conninfo);
  const auto origin = inspect_origin(*connection);
  if (origin.is_original_head())
    throw SchemaMismatch(
        "this database is the Python original's (alembic revision " + *origin.alembic_revision +
        "): take a pg_dump, then convert it with `nicecream migrate --from-original` "
        "(try `--from-original --dry-run` first)");
  if (origin.is_original())
    throw SchemaMismatch("this database has alembic revision '" + *origin.alembic_revision +
                         "', not the original's head " + std::string(kOriginalHeadRevision) +
                         ": upgrade the original to its head (alembic upgrade head), then run "
                         "`nicecream migrate --from-original`");
}

}  // namespace nicecream::store::postgres

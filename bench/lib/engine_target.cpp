#include "lib/engine_target.hpp"

#include <memory>

#include "lib/raw_sql.hpp"

namespace nicecream::bench {

namespace {

std::string sqlite_text(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'";
}

std::string postgres_identifier(PGconn* connection, const std::string& name) {
  std::unique_ptr<char, decltype(&PQfreemem)> escaped(
      PQescapeIdentifier(connection, name.c_str(), name.size()), &PQfreemem);
  if (!escaped) throw std::runtime_error("PostgreSQL: " + std::string(PQerrorMessage(connection)));
  return escaped.get();
}

std::string current_database(PGconn* connection) {
  const auto result = exec_postgres(connection, "SELECT current_database()");
  return PQgetvalue(result.get(), 0, 0);
}

std::string dbname_of(const std::string& conninfo) {
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
      PQconninfoParse(conninfo.c_str(), nullptr), &PQconninfoFree);
  for (auto* option = options.get(); option && option->keyword; ++option)
    if (std::string(option->keyword) == "dbname" && option->val) return option->val;
  throw std::runtime_error("PostgreSQL: no database named in the copy's connection string");
}

void copy_sqlite(const std::string& from_file, const std::string& to_file) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(to_file + suffix);
  std::filesystem::create_directories(std::filesystem::path(to_file).parent_path());
  const auto db = open_sqlite(from_file);
  exec_sqlite(db.get(), "VACUUM INTO " + sqlite_text(to_file));
}

void copy_postgres(const std::string& from_conninfo, const std::string& to_conninfo) {
  std::string from;
  {
    const auto source = open_postgres(from_conninfo);
    from = current_database(source.get());
  }
  const auto maintenance = open_postgres_database(from_conninfo, "postgres");
  const std::string to = dbname_of(to_conninfo);
  exec_postgres(maintenance.get(),
                "DROP DATABASE IF EXISTS " + postgres_identifier(maintenance.get(), to));
  exec_postgres(maintenance.get(), "CREATE DATABASE " + postgres_identifier(maintenance.get(), to) +
                                       " TEMPLATE " + postgres_identifier(maintenance.get(), from));
}

}  // namespace

bool EngineTarget::has_database() const {
  if (!postgres()) return std::filesystem::exists(sqlite_file());
  try {
    open_postgres(conninfo);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

EngineTarget EngineTarget::copy_target() const {
  EngineTarget copy = *this;
  if (!postgres()) {
    copy.data_dir = (std::filesystem::path(data_dir) / "v1-copy").string();
    return copy;
  }
  const auto connection = open_postgres(conninfo);
  copy.conninfo =
      postgres_conninfo_for(connection.get(), current_database(connection.get()) + "_v1_copy");
  return copy;
}

void EngineTarget::copy_database_to(const EngineTarget& copy) const {
  if (postgres())
    copy_postgres(conninfo, copy.conninfo);
  else
    copy_sqlite(sqlite_file(), copy.sqlite_file());
}

}  // namespace nicecream::bench

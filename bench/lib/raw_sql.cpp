#include "lib/raw_sql.hpp"

#include <stdexcept>
#include <string_view>

namespace nicecream::bench {

namespace {

std::runtime_error refused(const std::string& engine, const std::string& message,
                           const std::string& sql) {
  return std::runtime_error(engine + ": " + message + "\n  in: " + sql.substr(0, 200));
}

PostgresConnection connected(PostgresConnection connection) {
  if (PQstatus(connection.get()) != CONNECTION_OK)
    throw std::runtime_error("PostgreSQL: " + std::string(PQerrorMessage(connection.get())));
  return connection;
}

// As migration 0001 creates it.
const std::string kHistoryIndex = "CREATE INDEX history_channel_id_id ON history (channel_id, id)";

}  // namespace

SqliteDatabase open_sqlite(const std::string& file) {
  sqlite3* raw = nullptr;
  const int status = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  SqliteDatabase db(raw, &sqlite3_close_v2);
  if (status != SQLITE_OK) throw std::runtime_error("cannot open " + file);
  sqlite3_busy_timeout(raw, 10'000);
  return db;
}

void exec_sqlite(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return;
  std::string text = message ? message : "unknown error";
  sqlite3_free(message);
  throw refused("SQLite", text, sql);
}

PostgresConnection open_postgres(const std::string& conninfo) {
  return connected(PostgresConnection(PQconnectdb(conninfo.c_str()), &PQfinish));
}

PostgresConnection open_postgres_database(const std::string& conninfo, const std::string& dbname) {
  // The first dbname may itself be a connection string (expand_dbname); the second then wins.
  const char* keywords[] = {"dbname", "dbname", nullptr};
  const char* values[] = {conninfo.c_str(), dbname.c_str(), nullptr};
  return connected(PostgresConnection(PQconnectdbParams(keywords, values, 1), &PQfinish));
}

std::string postgres_conninfo_for(PGconn* connection, const std::string& dbname) {
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfo(connection),
                                                                       &PQconninfoFree);
  // Keyword/value syntax: single quotes, with backslash escapes inside.
  const auto append = [](std::string& conninfo, const char* keyword, const char* value) {
    conninfo.append(conninfo.empty() ? "" : " ").append(keyword).append("='");
    for (const char* c = value; *c; ++c) {
      if (*c == '\\' || *c == '\'') conninfo.push_back('\\');
      conninfo.push_back(*c);
    }
    conninfo.push_back('\'');
  };
  std::string conninfo;
  append(conninfo, "dbname", dbname.c_str());
  for (auto* option = options.get(); option && option->keyword; ++option)
    if (option->val && *option->val && std::string_view(option->keyword) != "dbname")
      append(conninfo, option->keyword, option->val);
  return conninfo;
}

PostgresResult exec_postgres(PGconn* connection, const std::string& sql) {
  PostgresResult result(PQexec(connection, sql.c_str()), &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN)
    throw refused("PostgreSQL", PQerrorMessage(connection), sql);
  return result;
}

void load_history_sqlite(sqlite3* db, const std::string& insert_select) {
  exec_sqlite(db, "DROP INDEX history_channel_id_id");
  exec_sqlite(db, insert_select);
  exec_sqlite(db, kHistoryIndex);
}

void load_history_postgres(PGconn* connection, const std::string& insert_select) {
  exec_postgres(connection, "DROP INDEX history_channel_id_id");
  exec_postgres(connection,
                "ALTER TABLE history DROP CONSTRAINT history_song_id_fkey,"
                " DROP CONSTRAINT history_channel_id_fkey");
  exec_postgres(connection, insert_select);
  exec_postgres(connection, kHistoryIndex);
  exec_postgres(connection,
                "ALTER TABLE history"
                " ADD CONSTRAINT history_song_id_fkey FOREIGN KEY (song_id) REFERENCES songs (id),"
                " ADD CONSTRAINT history_channel_id_fkey FOREIGN KEY (channel_id)"
                " REFERENCES channels (id) ON DELETE CASCADE");
}

}  // namespace nicecream::bench

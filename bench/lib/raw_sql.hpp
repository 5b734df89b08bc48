#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>
#include <string>

namespace nicecream::bench {

// Plain connections to the engines for seeding and inspection, beside the store. Each function
// throws std::runtime_error naming the statement when the engine refuses it.
using SqliteDatabase = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;
using PostgresConnection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using PostgresResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

SqliteDatabase open_sqlite(const std::string& file);
void exec_sqlite(sqlite3* db, const std::string& sql);

PostgresConnection open_postgres(const std::string& conninfo);
// Statements, queries and the start of a COPY FROM STDIN.
PostgresResult exec_postgres(PGconn* connection, const std::string& sql);

// A connection to another database of the same server: everything else as `conninfo` says.
PostgresConnection open_postgres_database(const std::string& conninfo, const std::string& dbname);
// The settings of an open connection as a keyword/value string, with another database named.
std::string postgres_conninfo_for(PGconn* connection, const std::string& dbname);

// Runs one `INSERT INTO history ... SELECT` on a version-1 schema with history's index (and, on
// PostgreSQL, its foreign keys) dropped for the load and rebuilt once after it: one sort and one
// check instead of millions of scattered index writes.
void load_history_sqlite(sqlite3* db, const std::string& insert_select);
void load_history_postgres(PGconn* connection, const std::string& insert_select);

}  // namespace nicecream::bench

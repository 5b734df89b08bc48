#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "support/postgres/test_database.hpp"
#include "support/server/server_process.hpp"
#include "support/source_tree.hpp"

namespace nicecream::testing {

// One libpq connection of the test's own, for reading what the binary left behind (and for
// holding locks while it works).
class SqlSession {
 public:
  explicit SqlSession(const std::string& conninfo)
      : connection_(PQconnectdb(conninfo.c_str()), &PQfinish) {
    if (PQstatus(connection_.get()) != CONNECTION_OK)
      throw std::runtime_error(PQerrorMessage(connection_.get()));
  }
  // Rows of one statement, each row's columns joined by "|".
  std::vector<std::string> rows(const std::string& sql) {
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection_.get(), sql.c_str()),
                                                         &PQclear);
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      throw std::runtime_error(sql + ": " + PQerrorMessage(connection_.get()));
    std::vector<std::string> rows;
    for (int row = 0; row < PQntuples(result.get()); ++row) {
      std::string line;
      for (int column = 0; column < PQnfields(result.get()); ++column)
        line += (column ? "|" : "") + std::string(PQgetvalue(result.get(), row, column));
      rows.push_back(line);
    }
    return rows;
  }
  std::string value(const std::string& sql) {
    const auto all = rows(sql);
    return all.empty() ? "" : all.front();
  }

 private:
  std::unique_ptr<PGconn, decltype(&PQfinish)> connection_;
};

// Everything a conversion could change, by name: each table's rows, the schema (columns,
// constraints, indexes, functions, extensions; alembic_version's apart, which only the original
// has) and the sequences' positions.
inline std::map<std::string, std::string> database_digest(const std::string& conninfo) {
  SqlSession session(conninfo);
  std::map<std::string, std::string> digest;
  digest["schema"] = session.value(
      "SELECT md5(string_agg(line, E'\\n' ORDER BY line)) FROM ("
      " SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '"
      " || is_nullable || ' ' || coalesce(column_default, '') || ' ' || is_identity AS line"
      " FROM information_schema.columns WHERE table_schema = 'public'"
      " AND table_name <> 'alembic_version'"
      " UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' '"
      " || pg_get_constraintdef(oid) FROM pg_constraint"
      " WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> "
      "'alembic_version'"
      " UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
      " AND tablename <> 'alembic_version'"
      " UNION ALL SELECT 'function ' || proname FROM pg_proc"
      " WHERE pronamespace = 'public'::regnamespace"
      " UNION ALL SELECT 'extension ' || extname FROM pg_extension) AS schema");
  digest["sequences"] = session.value(
      "SELECT string_agg(sequencename || ' ' || coalesce(last_value::text, '-'), ', '"
      " ORDER BY sequencename) FROM pg_sequences WHERE schemaname = 'public'");
  for (const auto& table :
       session.rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    digest["table " + table] = session.value(
        "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY"
        " t::text), '')) FROM \"" +
        table + "\" AS t");
  return digest;
}

inline std::string read_source_file(const std::string& relative) {
  std::ifstream file(source_path(relative));
  if (!file) throw std::runtime_error("cannot read " + relative);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// A database of the test's own holding the Python original's schema at its head revision and
// the rows of original_at_head.sql (duplicates, naive times, padded subjects).
class OriginalDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database = std::make_unique<support::postgres::TestDatabase>();
    database->exec(read_source_file("tests/integration/takeover/original_at_head.sql"));
  }

  std::map<std::string, std::string> store_environment() const {
    return {{"DATABASE_URL", database->conninfo()}};
  }
  CommandResult nicecream(const std::vector<std::string>& args) const {
    return run_nicecream(args, store_environment());
  }
  std::map<std::string, std::string> digest() const {
    return database_digest(database->conninfo());
  }

  std::unique_ptr<support::postgres::TestDatabase> database;
};

}  // namespace nicecream::testing

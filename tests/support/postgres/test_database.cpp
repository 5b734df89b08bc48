#include "support/postgres/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace nicecream::support::postgres {

namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

Connection connect(const std::string& conninfo) {
  Connection connection(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK)
    throw std::runtime_error("cannot connect to the test PostgreSQL (" + conninfo +
                             "): " + PQerrorMessage(connection.get()));
  return connection;
}

void run(PGconn* connection, const std::string& sql) {
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection, sql.c_str()), &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error(sql + ": " + PQerrorMessage(connection));
}

std::string unique_name() {
  static std::atomic<int> counter{0};
  return "nicecream_t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

void exec_sql(const std::string& conninfo, const std::string& sql) {
  run(connect(conninfo).get(), sql);
}

std::string server_conninfo() {
  const char* conninfo = std::getenv("NICECREAM_TEST_PG");
  if (!conninfo || !*conninfo)
    throw std::runtime_error(
        "NICECREAM_TEST_PG is not set: the PostgreSQL tests need a real server. Run them "
        "through tests/support/postgres/with_postgres.sh (e.g. `tests/support/postgres/"
        "with_postgres.sh ctest --test-dir <build> -L unit`), or eval the output of "
        "tests/support/postgres/start.sh first");
  return conninfo;
}

TestDatabase::TestDatabase() : name_(unique_name()) {
  const auto server = server_conninfo();
  // In a conninfo string the last setting of a keyword wins.
  conninfo_ = server + " dbname=" + name_;
  exec_sql(server, "CREATE DATABASE " + name_);
}

TestDatabase::~TestDatabase() {
  try {
    admin_exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // A database left behind dies with the throwaway server.
  }
}

void TestDatabase::exec(const std::string& sql) const {
  exec_sql(conninfo_, sql);
}

void TestDatabase::admin_exec(const std::string& sql) const {
  exec_sql(server_conninfo(), sql);
}

}  // namespace nicecream::support::postgres

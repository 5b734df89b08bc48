#include "store/postgres/connection.hpp"

#include "store/errors.hpp"
#include "store/postgres/error.hpp"

namespace nicecream::store::postgres {

namespace {

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// NOTICEs (e.g. "relation already exists, skipping") would otherwise go to stderr.
void ignore_notice(void*, const char*) {}

}  // namespace

std::unique_ptr<Connection> Connection::open(const std::string& conninfo) {
  // libpq waits forever by default; a conninfo that sets connect_timeout itself overrides this,
  // since the expanded dbname's settings come later. Empty values are ignored, so an empty
  // conninfo leaves everything to the PG* environment variables.
  const char* keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {"10", "nicecream", conninfo.c_str(), nullptr};
  PGconn* connection = PQconnectdbParams(keywords, values, 1);
  if (!connection) throw Unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(connection) != CONNECTION_OK) {
    const auto reason = trimmed(PQerrorMessage(connection));
    PQfinish(connection);
    throw Unavailable("cannot connect to PostgreSQL: " + reason);
  }
  PQsetNoticeProcessor(connection, &ignore_notice, nullptr);
  return std::unique_ptr<Connection>(new Connection(connection));
}

Connection::~Connection() {
  PQfinish(connection_);
}

Result Connection::check(PGresult* raw) {
  Result result(raw);
  const auto status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw_error(connection_, raw);
  return result;
}

Result Connection::exec(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param.c_str());
  return check(PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                            values.data(), nullptr, nullptr, 0));
}

void Connection::exec_script(const std::string& sql) {
  check(PQexec(connection_, sql.c_str()));
}

void Connection::reset() {
  PQreset(connection_);
  if (PQstatus(connection_) != CONNECTION_OK)
    throw Unavailable("PostgreSQL connection lost and not re-established: " +
                      trimmed(PQerrorMessage(connection_)));
}

bool Connection::broken() const {
  return PQstatus(connection_) == CONNECTION_BAD;
}

}  // namespace nicecream::store::postgres

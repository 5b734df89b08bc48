#include "store/postgres/connection.hpp"

#include <poll.h>

#include <cerrno>

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

using Clock = std::chrono::steady_clock;

bool succeeded(const PGresult* result) {
  const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// Milliseconds for poll(): -1 (forever) without a deadline, 0 once it has passed.
int poll_timeout(std::optional<Clock::time_point> deadline) {
  if (!deadline) return -1;
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now());
  return static_cast<int>(std::max<std::int64_t>(left.count(), 0));
}

// Reads what the server sends until a whole result is there (true), or the deadline passes
// (false). A connection that fails while reading counts as ready: libpq then hands out the error.
bool wait_until_ready(PGconn* connection, std::optional<Clock::time_point> deadline) {
  while (PQisBusy(connection)) {
    pollfd socket{PQsocket(connection), POLLIN, 0};
    const int ready = ::poll(&socket, 1, poll_timeout(deadline));
    if (ready == 0) return false;
    if (ready < 0 && errno != EINTR) return true;
    if (ready > 0 && PQconsumeInput(connection) == 0) return true;
  }
  return true;
}

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
  if (!succeeded(raw)) throw_error(connection_, raw);
  return result;
}

PGresult* Connection::await_result(std::optional<Clock::time_point> deadline) {
  PGresult* kept = nullptr;
  for (;;) {
    if (!wait_until_ready(connection_, deadline)) {
      PQclear(kept);
      abandoned_ = true;  // its answer may still come; no later statement may read it as its own
      throw Unavailable("PostgreSQL did not answer within " +
                        std::to_string(kAnswerTimeout.count()) + " s");
    }
    PGresult* next = PQgetResult(connection_);
    if (next == nullptr) return kept;
    if (kept != nullptr && !succeeded(kept)) {
      PQclear(next);  // the first error is the one to report
    } else {
      PQclear(kept);
      kept = next;
    }
  }
}

void Connection::ensure_usable() const {
  if (abandoned_)
    throw ConnectionLost("PostgreSQL connection given up after a statement went unanswered");
}

Result Connection::exec(const std::string& sql, const std::vector<std::string>& params) {
  return send(sql, params, 0);
}

Result Connection::exec_binary(const std::string& sql, const std::vector<std::string>& params) {
  return send(sql, params, 1);
}

Result Connection::send(const std::string& sql, const std::vector<std::string>& params,
                        int result_format) {
  ensure_usable();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param.c_str());
  if (PQsendQueryParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                        values.data(), nullptr, nullptr, result_format) == 0)
    throw_error(connection_, nullptr);
  return check(await_result(Clock::now() + kAnswerTimeout));
}

void Connection::exec_script(const std::string& sql) {
  ensure_usable();
  if (PQsendQuery(connection_, sql.c_str()) == 0) throw_error(connection_, nullptr);
  check(await_result(std::nullopt));
}

void Connection::reset() {
  PQreset(connection_);
  if (PQstatus(connection_) != CONNECTION_OK)
    throw Unavailable("PostgreSQL connection lost and not re-established: " +
                      trimmed(PQerrorMessage(connection_)));
  abandoned_ = false;
}

bool Connection::broken() const {
  return abandoned_ || PQstatus(connection_) == CONNECTION_BAD;
}

}  // namespace nicecream::store::postgres

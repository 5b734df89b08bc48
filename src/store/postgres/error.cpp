#include "store/postgres/error.hpp"

#include <string>
#include <string_view>

#include "store/errors.hpp"

namespace nicecream::store::postgres {

namespace {

std::string message_of(PGconn* connection, const PGresult* result) {
  std::string message = result ? PQresultErrorMessage(result) : "";
  if (message.empty()) message = PQerrorMessage(connection);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return "PostgreSQL: " + message;
}

bool means_unavailable(std::string_view state) {
  const auto error_class = state.substr(0, 2);
  return error_class == "53"     // insufficient resources: disk full, too many connections
         || error_class == "57"  // operator intervention: shutdown, cannot connect now, timeout
         || error_class == "58"  // system error: I/O
         || error_class == "40"  // serialization failure, deadlock: worth a retry later
         || state == "25006";    // read-only transaction: a standby
}

}  // namespace

void throw_error(PGconn* connection, const PGresult* result) {
  const auto message = message_of(connection, result);
  if (PQstatus(connection) == CONNECTION_BAD) throw ConnectionLost(message);
  const char* field = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view state = field ? field : "";
  if (state == "23505" || state == "23514") throw Conflict(message);
  if (state == "23503") throw NotFound(message);
  if (state.starts_with("08")) throw ConnectionLost(message);
  if (means_unavailable(state)) throw Unavailable(message);
  throw std::runtime_error(message);
}

}  // namespace nicecream::store::postgres

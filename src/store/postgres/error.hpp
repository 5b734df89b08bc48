#pragma once

#include <libpq-fe.h>

#include <stdexcept>

namespace nicecream::store::postgres {

// The connection broke under a call (server restarted, backend terminated). The store resets the
// connection and runs the call once more; callers outside the engine never see this type.
struct ConnectionLost : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Turns a failed command into the store's errors by SQLSTATE: unique and check violations are
// Conflict, foreign keys NotFound, a lost connection ConnectionLost, and a server that cannot
// serve now (shutting down, out of disk or connections, read-only, timed out) Unavailable.
[[noreturn]] void throw_error(PGconn* connection, const PGresult* result);

}  // namespace nicecream::store::postgres

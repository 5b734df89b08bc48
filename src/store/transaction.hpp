#pragma once

#include <string>
#include <type_traits>

namespace nicecream::store {

// Runs `work` between `begin` and COMMIT on `connection` (either engine's); any exception rolls
// back and propagates. A failed ROLLBACK is swallowed: the engine may already have rolled back
// (SQLite after a full disk) or the connection may be gone (PostgreSQL restarted), and the first
// error is the one to report.
template <class Connection, class Work>
auto in_transaction(Connection& connection, const std::string& begin, Work&& work)
    -> std::invoke_result_t<Work&> {
  connection.exec(begin);
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<Work&>>) {
      work();
      connection.exec("COMMIT");
    } else {
      auto result = work();
      connection.exec("COMMIT");
      return result;
    }
  } catch (...) {
    try {
      connection.exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
}

}  // namespace nicecream::store

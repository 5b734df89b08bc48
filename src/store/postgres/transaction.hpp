#pragma once

#include <type_traits>

#include "store/postgres/connection.hpp"

namespace nicecream::store::postgres {

// Runs `work` inside BEGIN ... COMMIT (READ COMMITTED); any exception rolls back and propagates.
template <class Work>
auto transaction(Connection& connection, Work&& work) -> std::invoke_result_t<Work&> {
  connection.exec("BEGIN");
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
    if (!connection.broken()) {
      try {
        connection.exec("ROLLBACK");
      } catch (...) {
        // The first error is the one to report.
      }
    }
    throw;
  }
}

}  // namespace nicecream::store::postgres

#pragma once

#include <type_traits>

#include "store/sqlite/connection.hpp"

namespace nicecream::store::sqlite {

// Runs `work` inside BEGIN IMMEDIATE ... COMMIT. Taking the write lock up front makes writers
// queue on the busy timeout instead of failing when a read inside the transaction would have to
// be upgraded; any exception rolls back and propagates.
template <class Work>
auto write_transaction(Connection& connection, Work&& work) -> std::invoke_result_t<Work&> {
  connection.exec("BEGIN IMMEDIATE");
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
      // SQLite has already rolled back (e.g. after a full disk); the first error is the one to
      // tell.
    }
    throw;
  }
}

}  // namespace nicecream::store::sqlite

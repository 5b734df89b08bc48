#pragma once

#include "store/sqlite/connection.hpp"
#include "store/transaction.hpp"

namespace nicecream::store::sqlite {

// Runs `work` inside BEGIN IMMEDIATE ... COMMIT. Taking the write lock up front makes writers
// queue on the busy timeout instead of failing when a read inside the transaction would have to
// be upgraded.
template <class Work>
auto write_transaction(Connection& connection, Work&& work) {
  return in_transaction(connection, "BEGIN IMMEDIATE", std::forward<Work>(work));
}

}  // namespace nicecream::store::sqlite

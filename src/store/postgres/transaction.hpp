#pragma once

#include "store/postgres/connection.hpp"
#include "store/transaction.hpp"

namespace nicecream::store::postgres {

// Runs `work` inside BEGIN ... COMMIT (READ COMMITTED).
template <class Work>
auto transaction(Connection& connection, Work&& work) {
  return in_transaction(connection, "BEGIN", std::forward<Work>(work));
}

}  // namespace nicecream::store::postgres

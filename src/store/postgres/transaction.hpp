#pragma once

#include "store/postgres/connection.hpp"
#include "store/transaction.hpp"

namespace nicecream::store::postgres {

// Runs `work` inside BEGIN ... COMMIT (READ COMMITTED).
template <class Work>
auto transaction(Connection& connection, Work&& work) {
  return in_transaction(connection, "BEGIN", std::forward<Work>(work));
}

// A read that stops early (a page of a walk, a LIMIT over an index) is costed by the planner as if
// it read everything, which buys JIT compilation and parallel workers that take longer to start
// than the read itself: a second for a prefix's history page at 10M, and 10 of the 18 ms of a
// common word's song list (on some statistics only: ANALYZE's sample decides the plan). Runs
// `work` in a transaction without them; set per transaction, so a pooler sharing the connection
// keeps its defaults.
template <class Work>
auto short_read(Connection& connection, Work&& work) {
  return transaction(connection, [&] {
    connection.exec(
        "SELECT set_config('jit', 'off', true),"
        " set_config('max_parallel_workers_per_gather', '0', true)");
    return work();
  });
}

}  // namespace nicecream::store::postgres

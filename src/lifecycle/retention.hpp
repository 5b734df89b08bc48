#pragma once

#include <chrono>
#include <functional>

#include "store/store.hpp"

namespace nicecream::lifecycle {

struct RetentionPolicy {
  int days = 0;
  // Items per transaction. On SQLite a batch holds the one write lock, and each removal updates
  // every rollup (about 0.5 ms per item at 1M items), so a recording waits one batch at most.
  int batch = 200;
};

// Waits `pause`, unless stopping; false means stop.
using RetentionRest = std::function<bool(std::chrono::steady_clock::duration pause)>;

// Removes what is older than the policy keeps, batch by batch, until a batch comes back short or
// `rest` says stop (shutdown). Between batches it rests as long as the batch took: a writer
// waiting on SQLite's lock polls (its busy handler sleeps), and a loop that took the lock again
// at once could starve it. Logs one line with what it removed.
store::RemovedHistory remove_expired_history(store::Store& store, const RetentionPolicy& policy,
                                             domain::Timestamp now, const RetentionRest& rest);

}  // namespace nicecream::lifecycle

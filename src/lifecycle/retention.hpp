#pragma once

#include <functional>

#include "store/store.hpp"

namespace nicecream::lifecycle {

struct RetentionPolicy {
  int days = 0;
  // Items per transaction: on SQLite a batch holds the one write lock, so recording waits at most
  // one batch (a few milliseconds) between them.
  int batch = 500;
};

// Removes what is older than the policy keeps, batch by batch, until a batch comes back short or
// `keep_going` says stop (shutdown). Logs one line with what it removed.
store::RemovedHistory remove_expired_history(store::Store& store, const RetentionPolicy& policy,
                                             domain::Timestamp now,
                                             const std::function<bool()>& keep_going);

}  // namespace nicecream::lifecycle

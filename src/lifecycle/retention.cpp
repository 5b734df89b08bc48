#include "lifecycle/retention.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "domain/timestamp.hpp"

namespace nicecream::lifecycle {

store::RemovedHistory remove_expired_history(store::Store& store, const RetentionPolicy& policy,
                                             domain::Timestamp now, const RetentionRest& rest) {
  const auto cutoff = now - std::chrono::days{policy.days};
  store::RemovedHistory total;
  int batches = 0;
  // The longest batch is how long a recording may have waited for the write lock (SQLite).
  std::chrono::steady_clock::duration longest{};
  for (;;) {
    const auto started = std::chrono::steady_clock::now();
    const auto batch = store.remove_history_before(cutoff, policy.batch);
    const auto took = std::chrono::steady_clock::now() - started;
    longest = std::max(longest, took);
    ++batches;
    total.items += batch.items;
    total.songs += batch.songs;
    if (batch.items < policy.batch || !rest(took)) break;
  }
  spdlog::info(
      "retention: removed {} item(s) recorded before {} and {} song(s) left unplayed, in {} "
      "batch(es), the longest {} ms",
      total.items, domain::format_timestamp(cutoff), total.songs, batches,
      std::chrono::duration_cast<std::chrono::milliseconds>(longest).count());
  return total;
}

}  // namespace nicecream::lifecycle

#include "lifecycle/retention.hpp"

#include <spdlog/spdlog.h>

#include "domain/timestamp.hpp"

namespace nicecream::lifecycle {

store::RemovedHistory remove_expired_history(store::Store& store, const RetentionPolicy& policy,
                                             domain::Timestamp now,
                                             const std::function<bool()>& keep_going) {
  const auto cutoff = now - std::chrono::days{policy.days};
  store::RemovedHistory total;
  for (;;) {
    const auto batch = store.remove_history_before(cutoff, policy.batch);
    total.items += batch.items;
    total.songs += batch.songs;
    if (batch.items < policy.batch || !keep_going()) break;
  }
  spdlog::info("retention: removed {} item(s) recorded before {} and {} song(s) left unplayed",
               total.items, domain::format_timestamp(cutoff), total.songs);
  return total;
}

}  // namespace nicecream::lifecycle

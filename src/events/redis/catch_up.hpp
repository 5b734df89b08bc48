#pragma once

#include <functional>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::events::redis {

// Where the subscriber reads what Redis did not deliver (an outage, a lost publish): the
// database, injected by whoever picks the engines (cli), so the bus links no store.
struct CatchUp {
  std::function<domain::Id()> newest_id;  // 0 when nothing is recorded yet
  // Up to `limit` items with ids after `after`, oldest first.
  std::function<std::vector<domain::HistoryItem>(domain::Id after, int limit)> items_after;
};

}  // namespace nicecream::events::redis

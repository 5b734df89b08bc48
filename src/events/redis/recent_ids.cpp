#include "events/redis/recent_ids.hpp"

namespace nicecream::events::redis {

bool RecentIds::insert(domain::Id id) {
  if (!ids_.insert(id).second) return false;
  oldest_first_.push_back(id);
  if (oldest_first_.size() > capacity_) {
    ids_.erase(oldest_first_.front());
    oldest_first_.pop_front();
  }
  return true;
}

}  // namespace nicecream::events::redis

#pragma once

#include <cstddef>
#include <deque>
#include <unordered_set>

#include "domain/models.hpp"

namespace nicecream::events::redis {

// The ids of the last `capacity` items delivered, to deliver none twice when the same item comes
// both from the store (catching up) and from Redis. A set rather than "id <= newest": with several
// crawlers on PostgreSQL, ids may commit out of order.
class RecentIds {
 public:
  explicit RecentIds(std::size_t capacity) : capacity_(capacity) {}

  bool contains(domain::Id id) const { return ids_.contains(id); }
  // False when it was there already.
  bool insert(domain::Id id);

 private:
  std::size_t capacity_;
  std::unordered_set<domain::Id> ids_;
  std::deque<domain::Id> oldest_first_;
};

}  // namespace nicecream::events::redis

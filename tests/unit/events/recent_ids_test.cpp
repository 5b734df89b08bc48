#include "events/redis/recent_ids.hpp"

#include <gtest/gtest.h>

namespace nicecream::events::redis {
namespace {

TEST(RecentIds, RemembersWhatWasInsertedInAnyOrder) {
  RecentIds ids(10);
  EXPECT_TRUE(ids.insert(5));
  EXPECT_TRUE(ids.insert(3));  // an id that committed late is new, though lower
  EXPECT_FALSE(ids.insert(5));
  EXPECT_TRUE(ids.contains(3));
  EXPECT_FALSE(ids.contains(4));
}

TEST(RecentIds, ForgetsTheOldestBeyondItsCapacity) {
  RecentIds ids(3);
  for (domain::Id id = 1; id <= 4; ++id) ids.insert(id);
  EXPECT_FALSE(ids.contains(1));
  EXPECT_TRUE(ids.contains(2));
  EXPECT_TRUE(ids.contains(4));
  EXPECT_FALSE(ids.insert(2));  // a repeat neither counts nor pushes anything out
  EXPECT_TRUE(ids.contains(2));
}

}  // namespace
}  // namespace nicecream::events::redis

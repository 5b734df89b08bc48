#pragma once

#include <sqlite3.h>

#include <vector>

#include "domain/models.hpp"

namespace nicecream::store::sqlite {

// Ids a statement tests rows against without SQLite copying them into a table of its own: bound
// as a pointer (SQLite's pointer passing) and read by the SQL function nicecream_in_ids(id, ?),
// which is true when `id` is in the list. Building a temporary index of the 68,000 songs that
// match a common word took longer than the walk that tested a few hundred airings against it.
struct SortedIds {
  std::vector<domain::Id> ids;  // ascending
};

// The pointer type nicecream_in_ids accepts: a pointer bound under any other type reads as none.
inline constexpr const char* kSortedIdsPointerType = "nicecream.sorted_ids";

// Adds nicecream_in_ids to a connection; false when SQLite refused it.
bool add_sorted_ids_function(sqlite3* db);

}  // namespace nicecream::store::sqlite

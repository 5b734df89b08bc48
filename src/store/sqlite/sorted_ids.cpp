#include "store/sqlite/sorted_ids.hpp"

#include <algorithm>

namespace nicecream::store::sqlite {

namespace {

void in_ids(sqlite3_context* context, int, sqlite3_value** arguments) {
  const auto* list =
      static_cast<const SortedIds*>(sqlite3_value_pointer(arguments[1], kSortedIdsPointerType));
  const bool found =
      list && sqlite3_value_type(arguments[0]) == SQLITE_INTEGER &&
      std::binary_search(list->ids.begin(), list->ids.end(), sqlite3_value_int64(arguments[0]));
  sqlite3_result_int(context, found ? 1 : 0);
}

}  // namespace

bool add_sorted_ids_function(sqlite3* db) {
  // Direct only: no trigger or view in a database file can call it with a pointer of its own.
  return sqlite3_create_function_v2(db, "nicecream_in_ids", 2,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, nullptr,
                                    &in_ids, nullptr, nullptr, nullptr) == SQLITE_OK;
}

}  // namespace nicecream::store::sqlite

#include "sqlite_integrity.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::testing {

namespace {
int append_row(void* out, int columns, char** values, char**) {
  auto& text = *static_cast<std::string*>(out);
  for (int i = 0; i < columns; ++i) {
    if (!text.empty()) text += "\n";
    text += values[i] ? values[i] : "NULL";
  }
  return 0;
}
}  // namespace

std::string integrity_check(const std::filesystem::path& data_dir) {
  const auto file = data_dir / store::sqlite::kDatabaseFileName;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    const std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    throw std::runtime_error("cannot open " + file.string() + ": " + reason);
  }
  sqlite3_busy_timeout(db, 10000);
  std::string result;
  char* error = nullptr;
  if (sqlite3_exec(db, "PRAGMA integrity_check", &append_row, &result, &error) != SQLITE_OK) {
    result = std::string("integrity_check failed: ") + (error ? error : "?");
    sqlite3_free(error);
  }
  sqlite3_close_v2(db);
  return result;
}

}  // namespace nicecream::testing

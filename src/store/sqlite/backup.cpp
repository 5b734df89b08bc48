#include "store/sqlite/backup.hpp"

#include <sqlite3.h>

#include <memory>
#include <string>

#include "store/errors.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::store::sqlite {

namespace {

// A writer's commit may hold the source for a moment; the step is tried again meanwhile.
constexpr int kBusyRetries = 200;
constexpr int kBusyPauseMs = 50;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

Database open_database(const std::filesystem::path& file, int flags) {
  sqlite3* db = nullptr;
  const int code = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  Database owned(db);
  if (code != SQLITE_OK)
    throw Unavailable("cannot open " + file.string() + ": " +
                      (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
  sqlite3_extended_result_codes(db, 1);
  return owned;
}

std::int64_t copy_pages(sqlite3* source, sqlite3* destination) {
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
  if (!backup)
    throw Unavailable(std::string("cannot start the backup: ") + sqlite3_errmsg(destination));
  int code = SQLITE_OK;
  for (int attempt = 0; attempt < kBusyRetries; ++attempt) {
    code = sqlite3_backup_step(backup, -1);
    if (code != SQLITE_BUSY && code != SQLITE_LOCKED) break;
    sqlite3_sleep(kBusyPauseMs);
  }
  const std::int64_t pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (code != SQLITE_DONE) throw Unavailable(std::string("backup failed: ") + sqlite3_errstr(code));
  return pages;
}

void copy_database(BackupReport& report, const std::filesystem::path& partial) {
  // Read-write without create: a WAL database is read through its -shm file, which a read-only
  // connection may not be able to set up.
  auto source = open_database(report.source, SQLITE_OPEN_READWRITE);
  sqlite3_busy_timeout(source.get(), kBusyPauseMs * kBusyRetries);
  auto destination = open_database(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  report.pages = copy_pages(source.get(), destination.get());
  // The copy says WAL as its source does; one self-contained file is what a backup should be.
  if (const int code = sqlite3_exec(destination.get(), "PRAGMA journal_mode = DELETE", nullptr,
                                    nullptr, nullptr);
      code != SQLITE_OK)
    throw Unavailable(std::string("cannot finish the copy: ") + sqlite3_errstr(code));
}

void check_integrity(const std::filesystem::path& file) {
  auto db = open_database(file, SQLITE_OPEN_READONLY);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &statement, nullptr);
  std::string verdict;
  if (statement && sqlite3_step(statement) == SQLITE_ROW)
    verdict = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  if (verdict != "ok")
    throw Unavailable("the copy in " + file.string() + " failed its integrity check: " +
                      (verdict.empty() ? sqlite3_errmsg(db.get()) : verdict));
}

}  // namespace

BackupReport backup_database(const std::filesystem::path& data_dir,
                             const std::filesystem::path& target) {
  BackupReport report{.source = data_dir / kDatabaseFileName};
  if (!std::filesystem::is_regular_file(report.source))
    throw Unavailable("no database at " + report.source.string() + " to back up");
  auto partial = target;
  partial += ".partial";
  std::filesystem::remove(partial);
  try {
    copy_database(report, partial);
    check_integrity(partial);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
  std::error_code error;
  std::filesystem::rename(partial, target, error);
  if (error)
    throw Unavailable("cannot move the copy to " + target.string() + ": " + error.message());
  report.bytes = std::filesystem::file_size(target);
  return report;
}

}  // namespace nicecream::store::sqlite

#include "store/sqlite/connection.hpp"

#include "store/errors.hpp"
#include "store/sqlite/error.hpp"
#include "store/sqlite/sorted_ids.hpp"

namespace nicecream::store::sqlite {

namespace {

[[noreturn]] void refuse_to_open(const std::filesystem::path& file, sqlite3* db, int code) {
  std::string reason = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  if ((code & 0xff) == SQLITE_NOTADB)
    reason = "the file is not an SQLite database (" + reason + ")";
  sqlite3_close_v2(db);
  throw Unavailable("cannot open database " + file.string() + ": " + reason);
}

// Recording an airing changes some twenty b-tree pages (history, its indexes, the rollups), and
// SQLite keeps their old contents until the statement ends, in case it must be undone. Past 64 KiB
// (the default) that statement journal moves to a new file in the temp folder: a file created and
// removed for every recording, which cost about a fifth of the recording and failed where no temp
// folder is writable. 31 pages of 4 KiB (each journalled with its 4-byte number) keep a
// recording's journal in memory; a statement that changes more (a migration, a channel's removal)
// still spills. Not more: SQLite 3.40 (Debian 12) cannot spill a journal held in memory past 31
// records, and the statement that outgrows it aborts with "database or disk is full" (an index
// built in the transaction that filled the table, an update of a unique column over many rows;
// SqliteStatementJournal tests both). The setting must precede SQLite's initialisation, which the
// first open does; should anything have initialised SQLite earlier, the call is refused and
// journals spill as before, which costs time, not correctness.
void keep_statement_journals_in_memory() {
  constexpr int kJournalledPageBytes = 4096 + 4;
  constexpr int kStatementJournalSpillBytes = 31 * kJournalledPageBytes;
  [[maybe_unused]] static const int refused_or_ok =
      sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kStatementJournalSpillBytes);
}

}  // namespace

std::unique_ptr<Connection> Connection::open(const std::filesystem::path& file,
                                             std::chrono::milliseconds busy_timeout,
                                             int cache_kib) {
  keep_statement_journals_in_memory();
  sqlite3* db = nullptr;
  // One thread at a time per connection, so SQLite's own per-connection mutex is not needed.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (const int code = sqlite3_open_v2(file.c_str(), &db, flags, nullptr); code != SQLITE_OK)
    refuse_to_open(file, db, code);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(busy_timeout.count()));
  // SQLite quietly opens a file it may not write read-only; a store that cannot record is no use.
  if (sqlite3_db_readonly(db, "main") == 1) {
    sqlite3_close_v2(db);
    throw Unavailable("cannot open database " + file.string() + ": the file is read-only");
  }
  // WAL lets readers go on while one writer writes; NORMAL sync is safe under WAL (a power cut
  // may lose the last commits, never corrupt). The first pragma reads the file, so a file that is
  // not a database fails here. (Migration 0002 sets the hot cache size back after its backfill.)
  const std::string cache_size = "PRAGMA cache_size = -" + std::to_string(cache_kib);
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                             "PRAGMA foreign_keys = ON", cache_size.c_str()}) {
    if (const int code = sqlite3_exec(db, pragma, nullptr, nullptr, nullptr); code != SQLITE_OK)
      refuse_to_open(file, db, code);
  }
  if (!add_sorted_ids_function(db)) refuse_to_open(file, db, sqlite3_errcode(db));
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& [sql, statement] : prepared_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

void Connection::exec(const std::string& sql) {
  if (const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); code != SQLITE_OK)
    throw_error(db_, code);
}

Statement Connection::prepare(const std::string& sql) {
  auto found = prepared_.find(sql);
  // A statement still being stepped (a nested use) cannot be reset under its reader.
  if (found != prepared_.end() && !sqlite3_stmt_busy(found->second))
    return Statement(found->second, false);
  sqlite3_stmt* statement = nullptr;
  if (const int code = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                          SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
      code != SQLITE_OK)
    throw_error(db_, code);
  if (found != prepared_.end()) return Statement(statement, true);
  prepared_.emplace(sql, statement);
  return Statement(statement, false);
}

std::int64_t Connection::changes() const {
  return sqlite3_changes64(db_);
}

void Connection::leave_checkpoints_to(std::function<void()> request) {
  request_checkpoint_ = std::move(request);
  // Replaces SQLite's automatic checkpoint, which is itself a WAL hook.
  sqlite3_wal_hook(db_, &Connection::on_commit, this);
}

int Connection::on_commit(void* self, sqlite3* db, const char* schema, int wal_pages) {
  if (wal_pages >= kCheckpointInlinePages)
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  else if (wal_pages >= kCheckpointPages)
    static_cast<Connection*>(self)->request_checkpoint_();
  return SQLITE_OK;
}

void Connection::checkpoint() {
  sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

}  // namespace nicecream::store::sqlite

#pragma once

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sqlite/statement.hpp"

namespace nicecream::store::sqlite {

// One open database handle, used by one thread at a time (the pool sees to that), with the
// statements it has prepared kept for reuse.
class Connection {
 public:
  // Page caches, in KiB. A hot connection keeps the upper levels of history, its indexes and the
  // rollups in memory: the default 2 MiB is re-read from the OS on every recording. A scan
  // connection walks much of a table once (an export): a cache that small keeps the walk from
  // growing the process by the size of the hot one.
  static constexpr int kHotCacheKib = 65536;
  static constexpr int kScanCacheKib = 2048;
  // WAL size, in pages, past which a commit asks for a checkpoint (SQLite's own threshold), and
  // past which the committing connection copies the frames itself, as SQLite would have, so that
  // the WAL stays bounded should the checkpointer fall behind or fail.
  static constexpr int kCheckpointPages = 1000;
  static constexpr int kCheckpointInlinePages = 16 * kCheckpointPages;

  // Opens (creating if needed) the file in WAL mode with foreign keys on; Unavailable, naming
  // the file, when it cannot be opened, is read-only or is not a database.
  static std::unique_ptr<Connection> open(const std::filesystem::path& file,
                                          std::chrono::milliseconds busy_timeout,
                                          int cache_kib = kHotCacheKib);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs SQL that returns no rows: pragmas, BEGIN/COMMIT, migration scripts.
  void exec(const std::string& sql);
  // A statement for `sql`, prepared once per connection.
  Statement prepare(const std::string& sql);
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() const;

  // From now on a commit that leaves the WAL past kCheckpointPages calls `request` (the
  // Checkpointer's) instead of copying the frames back itself, until kCheckpointInlinePages.
  void leave_checkpoints_to(std::function<void()> request);
  // Copies what it can of the WAL into the database file without waiting for readers or
  // writers (a passive checkpoint). A failure (a full disk) leaves the frames in the WAL, where
  // SQLite reads them from, so nothing is lost; as with SQLite's own automatic checkpoint, it is
  // not reported (the store does not log) and the next checkpoint tries again.
  void checkpoint();

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  static int on_commit(void* self, sqlite3* db, const char* schema, int wal_pages);

  sqlite3* db_;
  std::function<void()> request_checkpoint_;
  std::unordered_map<std::string, sqlite3_stmt*> prepared_;
};

}  // namespace nicecream::store::sqlite

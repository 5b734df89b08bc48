#include <unistd.h>

#include <system_error>

#include "store/errors.hpp"
#include "store/sqlite/engine.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::store::sqlite {

namespace {

// Long enough to ride out a burst of writers, short enough that a stuck lock becomes a 503.
constexpr std::chrono::milliseconds kBusyTimeout{5000};
// Concurrent exports beyond this wait for each other between their short batches.
constexpr std::size_t kScanConnections = 2;

void prepare_data_dir(const std::filesystem::path& data_dir) {
  std::error_code error;
  std::filesystem::create_directories(data_dir, error);
  if (error)
    throw Unavailable("cannot create data directory " + data_dir.string() + ": " + error.message());
  if (!std::filesystem::is_directory(data_dir))
    throw Unavailable("data directory " + data_dir.string() + " is not a directory");
  // SQLite also needs to create its -wal and -shm files beside the database.
  if (::access(data_dir.c_str(), W_OK | X_OK) != 0)
    throw Unavailable("data directory " + data_dir.string() +
                      " is not writable: " + std::system_category().message(errno));
}

}  // namespace

// The checkpointer opens the first connection, so a bad file is reported at startup rather than
// on the first request.
SqliteStore::SqliteStore(std::filesystem::path file, std::size_t pool_size)
    : file_(std::move(file)),
      checkpointer_(file_, kBusyTimeout),
      pool_(pool_size, [this] { return open_connection(Connection::kHotCacheKib); }),
      scan_pool_(kScanConnections, [this] { return open_connection(Connection::kScanCacheKib); }) {}

std::unique_ptr<Connection> SqliteStore::open_connection(int cache_kib) {
  auto connection = Connection::open(file_, kBusyTimeout, cache_kib);
  connection->leave_checkpoints_to([this] { checkpointer_.request(); });
  return connection;
}

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& data_dir,
                                         std::size_t pool_size) {
  prepare_data_dir(data_dir);
  return std::make_unique<SqliteStore>(data_dir / kDatabaseFileName, pool_size);
}

}  // namespace nicecream::store::sqlite

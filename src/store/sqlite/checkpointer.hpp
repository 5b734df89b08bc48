#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "store/sqlite/connection.hpp"

namespace nicecream::store::sqlite {

// Copies committed WAL frames back into the database file on a thread of its own, so that no
// commit waits for that copy (SQLite's automatic checkpoint runs inside the commit that crosses
// its threshold, and with some twenty random pages per recording that copy and its fsync were
// about half of what recording cost: docs/decisions/recording-cost.md). Connections ask for a
// checkpoint through Connection::leave_checkpoints_to; asking again while one runs coalesces.
class Checkpointer {
 public:
  // Opens a connection of its own to `file` and starts the thread.
  Checkpointer(const std::filesystem::path& file, std::chrono::milliseconds busy_timeout);
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;
  // Stops the thread; frames not copied yet stay in the WAL, where SQLite reads them from.
  ~Checkpointer();

  // Wakes the thread; cheap enough to call after every commit, from any thread.
  void request();

 private:
  void run(std::stop_token stop);

  std::unique_ptr<Connection> connection_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool requested_ = false;
  // Declared last: the thread starts once everything it uses exists, and stops first.
  std::jthread thread_;
};

}  // namespace nicecream::store::sqlite

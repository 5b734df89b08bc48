#pragma once

#include <cstdint>
#include <filesystem>

namespace nicecream::store::sqlite {

struct BackupReport {
  std::filesystem::path source;
  std::int64_t pages = 0;
  std::uintmax_t bytes = 0;
};

// Copies the store in `data_dir` to `target` while other processes read and write it: SQLite's
// online backup, in one step, reads one snapshot (WAL lets writers go on meanwhile) into
// `target`.partial, which must pass PRAGMA integrity_check before it replaces `target`. A
// failure leaves `target` as it was. Throws store::Unavailable naming the problem.
BackupReport backup_database(const std::filesystem::path& data_dir,
                             const std::filesystem::path& target);

}  // namespace nicecream::store::sqlite

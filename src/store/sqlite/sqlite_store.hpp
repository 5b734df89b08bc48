#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

#include "store/store.hpp"

namespace nicecream::store::sqlite {

inline constexpr const char* kDatabaseFileName = "nicecream.db";
inline constexpr std::size_t kDefaultPoolSize = 8;

// The embedded engine: `<data_dir>/nicecream.db`, creating the folder when needed. Throws
// store::Unavailable, naming the folder or file, when the folder cannot be written or the file is
// not an SQLite database. The schema is not migrated here: call migrate().
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& data_dir,
                                         std::size_t pool_size = kDefaultPoolSize);

}  // namespace nicecream::store::sqlite

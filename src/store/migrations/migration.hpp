#pragma once

#include <span>
#include <string_view>

namespace nicecream::store::migrations {

// One migrations/<engine>/NNNN_name.sql file, embedded at build time.
struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

// In version order, 1..N without gaps; both engines ship the same versions.
std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

inline int latest_version(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

}  // namespace nicecream::store::migrations

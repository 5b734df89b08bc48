#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace nicecream::bench {

// What the seeders write into a migrated, empty database: `songs` songs and `items` history
// items spread round robin over the three seeded channels, 30 s apart; one user with a bookmark
// on every tenth song, so viewer pages have bookmarks to join.
struct SeedPlan {
  std::int64_t items = 10'000'000;
  std::int64_t songs = 10'000;
};

inline constexpr const char* kViewerSub = "bench-viewer";

// Bulk inserts in one statement per table, bypassing the store (which records one title per
// transaction). Both return the number of history items now present.
std::int64_t seed_sqlite(const std::filesystem::path& database_file, const SeedPlan& plan);
std::int64_t seed_postgres(const std::string& conninfo, const SeedPlan& plan);

}  // namespace nicecream::bench

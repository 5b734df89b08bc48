#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace nicecream::store::transfer {

// Copies a PostgreSQL database, ours or the Python original's at its head revision (converted
// inside a transaction that is rolled back, so the source is never changed), into the SQLite
// store of `data_dir`, whose schema must be current. Every id is kept; the rows go in batches,
// in one SQLite transaction, and SQLite's triggers build the rollups and search tables as they
// would for recorded airings. Throws std::runtime_error, in one line, when the SQLite store
// already holds history, songs or users. Returns what it copied, one line per table.
std::vector<std::string> import_from_postgres(const std::string& conninfo,
                                              const std::filesystem::path& data_dir);

}  // namespace nicecream::store::transfer

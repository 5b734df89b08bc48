#pragma once

#include <filesystem>
#include <string>

namespace nicecream::testing {

// What PRAGMA integrity_check says of the store in `data_dir` ("ok" when sound), read through a
// connection of the test's own, as a restarted server would open the file (recovering the WAL).
std::string integrity_check(const std::filesystem::path& data_dir);

}  // namespace nicecream::testing

#pragma once

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace nicecream::testing {

// A file of the source tree, e.g. source_path("tests/support/stations/emulator.py"): under
// NICECREAM_SOURCE_DIR when the runner sets it (ctest does), else under the tree the test was
// built from.
inline std::string source_path(const std::string& relative) {
  const char* source_dir = std::getenv("NICECREAM_SOURCE_DIR");
#ifdef NICECREAM_TEST_SOURCE_DIR
  if (source_dir == nullptr) source_dir = NICECREAM_TEST_SOURCE_DIR;
#endif
  if (source_dir == nullptr)
    throw std::runtime_error("NICECREAM_SOURCE_DIR is not set: run the tests through ctest");
  return std::string(source_dir) + "/" + relative;
}

}  // namespace nicecream::testing

#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace nicecream::cli {

// Where a command writes what it produces: the file named by --output (created or truncated), or
// standard output when there is none. Throws, naming the file, when it cannot be written.
class CommandOutput {
 public:
  explicit CommandOutput(std::string path);
  std::ostream& stream();
  // Flushes; throws when any write failed (a full disk, a closed pipe).
  void finish();

 private:
  std::string path_;
  std::ofstream file_;
};

}  // namespace nicecream::cli

#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace nicecream::testing {

// A Python emulator of the source tree (e.g. "tests/support/stations/emulator.py") run with
// `--port 0 <arguments>` for the life of the object: it prints the port it took on its first line.
// Finds the script as source_path does; needs python3 on the PATH.
class EmulatorProcess {
 public:
  EmulatorProcess(const std::string& script, const std::vector<std::string>& arguments);
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  int port() const { return port_; }
  std::string origin() const;  // http://127.0.0.1:PORT

  // The body of GET `path`, or of POST `path` with `post_body`; throws naming `path` and the
  // answer unless the emulator answers 2xx within 10 s.
  std::string request(const std::string& path,
                      const std::optional<std::string>& post_body = std::nullopt) const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace nicecream::testing

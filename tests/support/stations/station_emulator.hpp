#pragma once

#include <cstdint>
#include <string>

#include "support/emulators/emulator_process.hpp"

namespace nicecream::testing {

// What the emulator knows of one station.
struct StationState {
  std::string title;
  std::string mode;
  std::int64_t requests = 0;
  std::int64_t bytes_sent = 0;
};

// Runs tests/support/stations/emulator.py on a free loopback port for the life of the object.
// Finds the script through NICECREAM_SOURCE_DIR or the compiled-in NICECREAM_TEST_SOURCE_DIR;
// needs python3 on the PATH. `stations` creates station0..station<stations-1> up front; a
// non-zero `rotate_seconds` makes every title change by itself that often.
class StationEmulator {
 public:
  explicit StationEmulator(int stations = 0, double rotate_seconds = 0);

  // e.g. url("red", "display.js") -> http://127.0.0.1:PORT/red/display.js
  std::string url(const std::string& station, const std::string& resource) const;

  void set_title(const std::string& station, const std::string& title);
  void set_mode(const std::string& station, const std::string& mode);
  StationState state(const std::string& station);

 private:
  std::string control(const std::string& station, const std::string& body);

  EmulatorProcess process_;
};

}  // namespace nicecream::testing

#pragma once

#include <string>

#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {

// The station emulator with `count` stations, station0 to station<count-1>, whose titles change
// by themselves every `rotate_seconds`: heavy recording without the test driving each change.
// For single stations the test controls, StationEmulator.
class StationFarm {
 public:
  StationFarm(int count, double rotate_seconds) : count_(count), emulator_(count, rotate_seconds) {}

  int count() const { return count_; }
  static std::string name(int index) { return "station" + std::to_string(index); }
  // The voscast now-playing URL of station `index`.
  std::string url(int index) const { return emulator_.url(name(index), "display.js"); }

 private:
  int count_;
  StationEmulator emulator_;
};

}  // namespace nicecream::testing

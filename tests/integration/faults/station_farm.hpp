#pragma once

#include <sys/types.h>

#include <string>

namespace nicecream::testing {

// The station emulator (tests/support/stations/emulator.py) with `count` stations, station0 to
// station<count-1>, whose titles change by themselves every `rotate_seconds`: heavy recording
// without the test driving each change. For single stations the test controls, StationEmulator.
class StationFarm {
 public:
  StationFarm(int count, double rotate_seconds);
  ~StationFarm();
  StationFarm(const StationFarm&) = delete;
  StationFarm& operator=(const StationFarm&) = delete;

  int count() const { return count_; }
  static std::string name(int index) { return "station" + std::to_string(index); }
  // The voscast now-playing URL of station `index`.
  std::string url(int index) const;

 private:
  int count_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace nicecream::testing

#pragma once

#include <cstdint>

namespace nicecream::bench {

// What the crawler has counted into the process's metrics since it started (poll_metrics.hpp).
struct PollTally {
  std::uint64_t ok = 0;
  std::uint64_t failed = 0;
};
PollTally tally_polls();  // nicecream_crawler_polls_total, summed over channels

// Polls ended so far and their summed duration (nicecream_crawler_poll_duration_seconds): one
// series, cheap enough to read every few milliseconds.
struct PollTimes {
  std::uint64_t count = 0;
  double seconds = 0;
};
PollTimes poll_times();

}  // namespace nicecream::bench

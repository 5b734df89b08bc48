#pragma once

#include <chrono>
#include <functional>
#include <vector>

namespace nicecream::bench {

struct Latency {
  int samples = 0;
  double p50_ms = 0;
  double p99_ms = 0;
};

struct Summary {
  double mean = 0;
  double median = 0;
};

// The mean and median of what was timed (zeros when nothing was).
Summary summarize(std::vector<double> values);

// Times each of `calls` `samples` times after a few untimed warm-up calls (first touches of cold
// pages are the seeding's cost, not the query's). The calls take turns, one sample of each per
// round, so a hiccup of the machine (another process, a checkpoint) lands on all of them alike
// instead of on whichever was being measured then.
std::vector<Latency> measure_interleaved(const std::vector<std::function<void()>>& calls,
                                         const std::vector<int>& samples);

}  // namespace nicecream::bench

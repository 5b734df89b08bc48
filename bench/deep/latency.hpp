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

// Times `call` `samples` times after a few untimed warm-up calls (first touches of cold pages
// are the seeding's cost, not the query's).
Latency measure(int samples, const std::function<void()>& call);

}  // namespace nicecream::bench

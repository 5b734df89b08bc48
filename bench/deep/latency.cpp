#include "latency.hpp"

#include <algorithm>
#include <cmath>

namespace nicecream::bench {

namespace {

constexpr int kWarmUp = 5;

double percentile(std::vector<double> sorted_ms, double fraction) {
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * sorted_ms.size()));
  return sorted_ms[std::clamp<std::size_t>(rank, 1, sorted_ms.size()) - 1];
}

}  // namespace

Latency measure(int samples, const std::function<void()>& call) {
  for (int i = 0; i < kWarmUp; ++i) call();
  std::vector<double> taken_ms;
  taken_ms.reserve(samples);
  for (int i = 0; i < samples; ++i) {
    const auto start = std::chrono::steady_clock::now();
    call();
    const std::chrono::duration<double, std::milli> taken =
        std::chrono::steady_clock::now() - start;
    taken_ms.push_back(taken.count());
  }
  std::sort(taken_ms.begin(), taken_ms.end());
  return {samples, percentile(taken_ms, 0.50), percentile(taken_ms, 0.99)};
}

}  // namespace nicecream::bench

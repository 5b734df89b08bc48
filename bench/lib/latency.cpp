#include "lib/latency.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nicecream::bench {

namespace {

constexpr int kWarmUp = 5;

double percentile(const std::vector<double>& sorted_ms, double fraction) {
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * sorted_ms.size()));
  return sorted_ms[std::clamp<std::size_t>(rank, 1, sorted_ms.size()) - 1];
}

double time_ms(const std::function<void()>& call) {
  const auto start = std::chrono::steady_clock::now();
  call();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

Summary summarize(std::vector<double> values) {
  if (values.empty()) return {};
  std::sort(values.begin(), values.end());
  const auto total = std::accumulate(values.begin(), values.end(), 0.0);
  return {total / static_cast<double>(values.size()), percentile(values, 0.50)};
}

std::vector<Latency> measure_interleaved(const std::vector<std::function<void()>>& calls,
                                         const std::vector<int>& samples) {
  for (const auto& call : calls)
    for (int i = 0; i < kWarmUp; ++i) call();
  std::vector<std::vector<double>> taken_ms(calls.size());
  const int rounds = samples.empty() ? 0 : *std::max_element(samples.begin(), samples.end());
  for (int round = 0; round < rounds; ++round)
    for (std::size_t i = 0; i < calls.size(); ++i)
      if (round < samples[i]) taken_ms[i].push_back(time_ms(calls[i]));
  std::vector<Latency> latencies;
  for (auto& taken : taken_ms) {
    std::sort(taken.begin(), taken.end());
    latencies.push_back(
        {static_cast<int>(taken.size()), percentile(taken, 0.50), percentile(taken, 0.99)});
  }
  return latencies;
}

}  // namespace nicecream::bench

#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nicecream::metrics {

// Counting is a relaxed atomic add: threads never wait for each other to count, and a scrape
// that reads one value a moment before another only ever sees totals that were true.
class Counter {
 public:
  void add(std::uint64_t amount = 1) { value_.fetch_add(amount, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void set(std::int64_t value) { value_.store(value, std::memory_order_relaxed); }
  void add(std::int64_t amount) { value_.fetch_add(amount, std::memory_order_relaxed); }
  std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

inline std::uint64_t next_family_id() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1);
}

// Adds one to a gauge for as long as it lives (an open stream).
class GaugeHold {
 public:
  explicit GaugeHold(Gauge& gauge) : gauge_(gauge) { gauge_.add(1); }
  ~GaugeHold() { gauge_.add(-1); }
  GaugeHold(const GaugeHold&) = delete;
  GaugeHold& operator=(const GaugeHold&) = delete;

 private:
  Gauge& gauge_;
};

// Cumulative only when written out: observing adds to one bucket and to the sum. The sum is kept
// in billionths (an integer add; a floating-point sum would need a compare-and-swap loop, which
// threads observing at once keep retrying): exact to the nanosecond for durations in seconds,
// good for about 292 years of them.
class Histogram {
 public:
  explicit Histogram(const std::vector<double>& bounds);
  void observe(double value);

  struct Snapshot {
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf
    double sum = 0;
  };
  Snapshot snapshot() const;
  const std::vector<double>& bounds() const { return bounds_; }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // one per bound, then +Inf
  std::atomic<std::int64_t> sum_billionths_{0};
};

// One metric name with its label names; `with(values)` finds or makes the series for those
// label values (in the order of the names). Each thread remembers the series it has used, so a
// lookup touches no shared memory at all after the first; a thread's first lookup of a series
// shares a reader lock, and only the first use of new values anywhere takes the writer's.
template <class Metric>
class Family {
 public:
  using Make = std::function<std::unique_ptr<Metric>()>;
  Family(std::string name, std::string help, std::vector<std::string> labels, Make make)
      : name_(std::move(name)),
        help_(std::move(help)),
        labels_(std::move(labels)),
        make_(std::move(make)),
        id_(next_family_id()) {}

  Metric& with(std::initializer_list<std::string_view> values) {
    const auto key = join(values);
    // Keyed by the family's id, never reused, so a family made where a destroyed one was (a
    // test's registry) cannot meet the other's series.
    thread_local std::unordered_map<std::uint64_t, std::unordered_map<std::string, Metric*>> seen;
    auto& mine = seen[id_];
    if (const auto found = mine.find(key); found != mine.end()) return *found->second;
    auto& metric = find_or_make(key);
    mine.emplace(key, &metric);
    return metric;
  }

 private:
  Metric& find_or_make(const std::string& key) {
    {
      std::shared_lock lock(mutex_);
      if (const auto found = series_.find(key); found != series_.end()) return *found->second;
    }
    std::unique_lock lock(mutex_);
    auto& slot = series_[key];
    if (!slot) slot = make_();
    return *slot;
  }

 public:
  const std::string& name() const { return name_; }
  const std::string& help() const { return help_; }
  const std::vector<std::string>& labels() const { return labels_; }

  // Calls visit(label values, metric) for each series, in the order of their values.
  template <class Visit>
  void each(Visit&& visit) const {
    std::shared_lock lock(mutex_);
    for (const auto& [key, metric] : series_) visit(split(key), *metric);
  }

 private:
  // Label values joined by a byte no label value of ours holds, so one string keys a series.
  static std::string join(std::initializer_list<std::string_view> values) {
    std::string key;
    for (const auto value : values) {
      key.append(value);
      key.push_back(kSeparator);
    }
    return key;
  }
  static std::vector<std::string> split(const std::string& key) {
    std::vector<std::string> values;
    std::size_t start = 0;
    for (auto end = key.find(kSeparator); end != std::string::npos;
         start = end + 1, end = key.find(kSeparator, start))
      values.push_back(key.substr(start, end - start));
    return values;
  }
  static constexpr char kSeparator = '\x1f';

  std::string name_;
  std::string help_;
  std::vector<std::string> labels_;
  Make make_;
  std::uint64_t id_;
  mutable std::shared_mutex mutex_;
  std::map<std::string, std::unique_ptr<Metric>, std::less<>> series_;
};

// The families of one process (or of one test). Asking twice for a name gives the same family.
class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  Family<Counter>& counter(const std::string& name, const std::string& help,
                           std::vector<std::string> labels = {});
  Family<Gauge>& gauge(const std::string& name, const std::string& help,
                       std::vector<std::string> labels = {});
  Family<Histogram>& histogram(const std::string& name, const std::string& help,
                               std::vector<std::string> labels, std::vector<double> bounds);

  // The Prometheus text format (version 0.0.4) of every family, in the order they were made.
  std::string expose() const;

 private:
  struct Entry;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;
  Entry* find(const std::string& name) const;
};

}  // namespace nicecream::metrics

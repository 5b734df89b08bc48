#include "metrics/registry.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <variant>

#include "metrics/exposition.hpp"

namespace nicecream::metrics {

namespace {
constexpr double kBillion = 1e9;
}  // namespace

Histogram::Histogram(const std::vector<double>& bounds)
    : bounds_(bounds), buckets_(new std::atomic<std::uint64_t>[bounds.size() + 1]) {
  for (std::size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::observe(double value) {
  const auto bucket = std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin();
  buckets_[static_cast<std::size_t>(bucket)].fetch_add(1, std::memory_order_relaxed);
  sum_billionths_.fetch_add(std::llround(value * kBillion), std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot snapshot;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    total += buckets_[i].load(std::memory_order_relaxed);
    snapshot.cumulative.push_back(total);
  }
  snapshot.sum = static_cast<double>(sum_billionths_.load(std::memory_order_relaxed)) / kBillion;
  return snapshot;
}

using AnyFamily = std::variant<std::unique_ptr<Family<Counter>>, std::unique_ptr<Family<Gauge>>,
                               std::unique_ptr<Family<Histogram>>>;

struct Registry::Entry {
  AnyFamily family;
};

Registry::Registry() = default;
Registry::~Registry() = default;

Registry::Entry* Registry::find(const std::string& name) const {
  for (const auto& entry : entries_) {
    const bool same =
        std::visit([&](const auto& family) { return family->name() == name; }, entry->family);
    if (same) return entry.get();
  }
  return nullptr;
}

namespace {
template <class Metric>
Family<Metric>& existing(AnyFamily& family, const std::string& name) {
  auto* typed = std::get_if<std::unique_ptr<Family<Metric>>>(&family);
  if (!typed) throw std::logic_error("metric " + name + " is registered with another type");
  return **typed;
}
}  // namespace

Family<Counter>& Registry::counter(const std::string& name, const std::string& help,
                                   std::vector<std::string> labels) {
  std::lock_guard lock(mutex_);
  if (auto* entry = find(name)) return existing<Counter>(entry->family, name);
  auto family = std::make_unique<Family<Counter>>(name, help, std::move(labels),
                                                  [] { return std::make_unique<Counter>(); });
  auto& made = *family;
  entries_.push_back(std::make_unique<Entry>(Entry{std::move(family)}));
  return made;
}

Family<Gauge>& Registry::gauge(const std::string& name, const std::string& help,
                               std::vector<std::string> labels) {
  std::lock_guard lock(mutex_);
  if (auto* entry = find(name)) return existing<Gauge>(entry->family, name);
  auto family = std::make_unique<Family<Gauge>>(name, help, std::move(labels),
                                                [] { return std::make_unique<Gauge>(); });
  auto& made = *family;
  entries_.push_back(std::make_unique<Entry>(Entry{std::move(family)}));
  return made;
}

Family<Histogram>& Registry::histogram(const std::string& name, const std::string& help,
                                       std::vector<std::string> labels,
                                       std::vector<double> bounds) {
  std::lock_guard lock(mutex_);
  if (auto* entry = find(name)) return existing<Histogram>(entry->family, name);
  std::sort(bounds.begin(), bounds.end());
  auto family = std::make_unique<Family<Histogram>>(
      name, help, std::move(labels), [bounds] { return std::make_unique<Histogram>(bounds); });
  auto& made = *family;
  entries_.push_back(std::make_unique<Entry>(Entry{std::move(family)}));
  return made;
}

std::string Registry::expose() const {
  std::string text;
  std::lock_guard lock(mutex_);
  for (const auto& entry : entries_)
    std::visit([&](const auto& family) { write_family(*family, text); }, entry->family);
  return text;
}

}  // namespace nicecream::metrics

#include "api/common/client_limits.hpp"

#include <algorithm>
#include <cmath>

namespace nicecream::api {

std::optional<StreamCounter::Ticket> StreamCounter::acquire(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto& open = open_[address];
  if (open >= max_per_client_) return std::nullopt;
  ++open;
  return Ticket(*this, address);
}

void StreamCounter::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (const auto found = open_.find(address); found != open_.end() && --found->second <= 0)
    open_.erase(found);
}

std::optional<int> RateLimiter::take(const std::string& address,
                                     std::chrono::steady_clock::time_point now) {
  const double per_second = per_minute_ / 60.0;
  std::lock_guard lock(mutex_);
  if (buckets_.size() >= max_clients_) forget_full_buckets(now);
  auto [found, inserted] = buckets_.try_emplace(address, Bucket{double(per_minute_), now});
  auto& bucket = found->second;
  const std::chrono::duration<double> elapsed = now - bucket.updated;
  bucket.tokens = std::min<double>(per_minute_, bucket.tokens + elapsed.count() * per_second);
  bucket.updated = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / per_second)));
}

// Buckets that would be full by now carry no information; dropping them bounds the memory.
void RateLimiter::forget_full_buckets(std::chrono::steady_clock::time_point now) {
  const double per_second = per_minute_ / 60.0;
  std::erase_if(buckets_, [&](const auto& entry) {
    const std::chrono::duration<double> elapsed = now - entry.second.updated;
    return entry.second.tokens + elapsed.count() * per_second >= per_minute_;
  });
  if (buckets_.size() >= max_clients_) buckets_.clear();
}

}  // namespace nicecream::api

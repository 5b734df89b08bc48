#include "auth/jwks_cache.hpp"

namespace nicecream::auth {

std::optional<JwkSet> JwksCache::fetch_locked(domain::Timestamp now) {
  fetched_at_ = now;  // also a failed attempt counts, so failures are not retried in a loop
  if (auto fresh = fetch_()) {
    keys_ = std::move(fresh);
    return keys_;
  }
  return std::nullopt;
}

std::optional<JwkSet> JwksCache::keys(domain::Timestamp now) {
  const std::lock_guard lock(mutex_);
  const bool stale = !fetched_at_ || now - *fetched_at_ >= max_age_ || now < *fetched_at_;
  if (!keys_ || stale) {
    if (!keys_ && fetched_at_ && now - *fetched_at_ < min_refetch_interval_) {
      return std::nullopt;  // just failed; do not retry on every request
    }
    if (auto fresh = fetch_locked(now)) {
      return fresh;
    }
  }
  return keys_;
}

std::optional<JwkSet> JwksCache::refetch(domain::Timestamp now) {
  const std::lock_guard lock(mutex_);
  if (fetched_at_ && now >= *fetched_at_ && now - *fetched_at_ < min_refetch_interval_) {
    return std::nullopt;
  }
  return fetch_locked(now);
}

}  // namespace nicecream::auth

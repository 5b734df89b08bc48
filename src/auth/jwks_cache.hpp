#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include "auth/jwk.hpp"
#include "domain/models.hpp"

namespace nicecream::auth {

// A provider's signing keys, fetched when first needed and again when old. Providers rotate
// keys, so a token naming an unknown key earns one early refetch; the minimum interval between
// such refetches stops a stream of bad tokens from hammering the provider. Thread-safe.
class JwksCache {
 public:
  using Fetch = std::function<std::optional<JwkSet>()>;  // nullopt when the fetch failed

  JwksCache(Fetch fetch, std::chrono::seconds max_age, std::chrono::seconds min_refetch_interval)
      : fetch_(std::move(fetch)), max_age_(max_age), min_refetch_interval_(min_refetch_interval) {}

  // The cached keys, fetched first when there are none or they are older than max_age (a
  // failed refresh keeps serving the old keys). nullopt when no keys could ever be fetched.
  std::optional<JwkSet> keys(domain::Timestamp now);

  // After a token named a key we do not have: fetches again, unless the last fetch was less than
  // min_refetch_interval ago. The new keys, or nullopt when it did not (or could not) fetch.
  std::optional<JwkSet> refetch(domain::Timestamp now);

 private:
  std::optional<JwkSet> fetch_locked(domain::Timestamp now);

  Fetch fetch_;
  std::chrono::seconds max_age_;
  std::chrono::seconds min_refetch_interval_;
  std::mutex mutex_;
  std::optional<JwkSet> keys_;
  std::optional<domain::Timestamp> fetched_at_;
};

}  // namespace nicecream::auth

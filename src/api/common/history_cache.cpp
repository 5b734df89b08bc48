#include "api/common/history_cache.hpp"

#include <mutex>

namespace nicecream::api {

std::optional<std::string> HistoryCache::get(const std::string& key) const {
  std::shared_lock lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return std::nullopt;
  if (std::chrono::steady_clock::now() - found->second.stored_at > max_age_) return std::nullopt;
  return found->second.body;
}

void HistoryCache::put(const std::string& key, std::string body, std::uint64_t generation) {
  std::unique_lock lock(mutex_);
  if (generation != generation_.load()) return;
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_.insert_or_assign(key, Entry{std::move(body), std::chrono::steady_clock::now()});
}

void HistoryCache::invalidate() {
  std::unique_lock lock(mutex_);
  generation_.fetch_add(1);
  entries_.clear();
}

}  // namespace nicecream::api

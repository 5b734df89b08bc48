#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace nicecream::api {

// Serialized anonymous history pages, so the hot path answers from memory. Any new history item
// invalidates everything; a page computed before an invalidation is never stored after it.
class HistoryCache {
 public:
  explicit HistoryCache(std::size_t max_entries = 4096,
                        std::chrono::seconds max_age = std::chrono::seconds{60})
      : max_entries_(max_entries), max_age_(max_age) {}

  std::optional<std::string> get(const std::string& key) const;
  std::uint64_t generation() const { return generation_.load(); }
  // Stores the page only if no invalidation happened since `generation` was read.
  void put(const std::string& key, std::string body, std::uint64_t generation);
  void invalidate();

 private:
  struct Entry {
    std::string body;
    std::chrono::steady_clock::time_point stored_at;
  };
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::atomic<std::uint64_t> generation_{0};
  std::size_t max_entries_;
  std::chrono::seconds max_age_;
};

}  // namespace nicecream::api

#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api/common/page_flight.hpp"
#include "http/response.hpp"
#include "http/serialized_response.hpp"

namespace nicecream::api {

// Anonymous pages kept as whole serialised responses, so the hot path answers from memory with
// one write. Any new history item (or channel change) invalidates everything; a page computed
// before an invalidation is never stored after it.
class PageCache {
 public:
  using Page = std::shared_ptr<const http::SerializedResponse>;

  explicit PageCache(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  Page get(const std::string& key) const;
  std::uint64_t generation() const { return generation_.load(); }
  // Stores the page only if no invalidation happened since `generation` was read.
  void put(const std::string& key, Page page, std::uint64_t generation,
           std::chrono::steady_clock::duration max_age);
  void invalidate();

  // The load of `key` in progress for `generation`, and whether the caller is to do it (true:
  // nobody was loading it; the caller lands the flight) or to wait for it (false).
  std::pair<std::shared_ptr<PageFlight>, bool> join_flight(const std::string& key,
                                                           std::uint64_t generation);

 private:
  struct Flight {
    std::shared_ptr<PageFlight> flight;
    std::uint64_t generation;
  };
  struct Entry {
    Page page;
    std::chrono::steady_clock::time_point expires_at;
  };
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, Flight> flights_;
  std::atomic<std::uint64_t> generation_{0};
  std::size_t max_entries_;
};

// The cached answer for `key`, or `load`'s (a 200 JSON body), kept for `max_age` once written.
// Requests that miss while another loads the same page wait for its answer.
boost::asio::awaitable<http::Response> cached_json_page(
    PageCache& cache, std::string key, std::chrono::steady_clock::duration max_age,
    std::function<boost::asio::awaitable<std::string>()> load);

}  // namespace nicecream::api

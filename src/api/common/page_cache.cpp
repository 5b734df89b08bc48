#include "api/common/page_cache.hpp"

#include <mutex>

#include "api/common/responses.hpp"

namespace nicecream::api {

PageCache::Page PageCache::get(const std::string& key) const {
  std::shared_lock lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return nullptr;
  if (std::chrono::steady_clock::now() > found->second.expires_at) return nullptr;
  return found->second.page;
}

void PageCache::put(const std::string& key, Page page, std::uint64_t generation,
                    std::chrono::steady_clock::duration max_age) {
  std::unique_lock lock(mutex_);
  if (generation != generation_.load()) return;
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_.insert_or_assign(key,
                            Entry{std::move(page), std::chrono::steady_clock::now() + max_age});
}

void PageCache::invalidate() {
  std::unique_lock lock(mutex_);
  generation_.fetch_add(1);
  entries_.clear();
}

boost::asio::awaitable<http::Response> cached_json_page(
    PageCache& cache, std::string key, std::chrono::steady_clock::duration max_age,
    std::function<boost::asio::awaitable<std::string>()> load) {
  if (auto page = cache.get(key)) co_return http::serialized_answer(std::move(page));
  const auto generation = cache.generation();
  auto response = json_body_response(Status::ok, co_await load());
  response.keep = [&cache, key = std::move(key), generation, max_age](PageCache::Page page) {
    cache.put(key, std::move(page), generation, max_age);
  };
  co_return response;
}

}  // namespace nicecream::api

#include "api/common/page_cache.hpp"

#include <mutex>

#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {
// Longer than a page load takes even on a busy database; past it a waiter loads the page itself.
constexpr auto kFlightPatience = std::chrono::seconds{5};
}  // namespace

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
  flights_.clear();  // their waiters still get the pages they asked for before
}

std::pair<std::shared_ptr<PageFlight>, bool> PageCache::join_flight(const std::string& key,
                                                                    std::uint64_t generation) {
  std::unique_lock lock(mutex_);
  const auto found = flights_.find(key);
  if (found != flights_.end() && found->second.generation == generation &&
      !found->second.flight->landed())
    return {found->second.flight, false};
  if (flights_.size() >= max_entries_) flights_.clear();  // landed ones pile up otherwise
  auto flight = std::make_shared<PageFlight>();
  flights_.insert_or_assign(key, Flight{flight, generation});
  return {flight, true};
}

boost::asio::awaitable<http::Response> cached_json_page(
    PageCache& cache, std::string key, std::chrono::steady_clock::duration max_age,
    std::function<boost::asio::awaitable<std::string>()> load) {
  if (auto page = cache.get(key)) co_return http::serialized_answer(std::move(page));
  const auto generation = cache.generation();
  auto [flight, loads] = cache.join_flight(key, generation);
  if (!loads) {
    if (auto page = co_await flight->wait(kFlightPatience))
      co_return http::serialized_answer(std::move(page));
  }
  // Made before loading, so that a load that throws lands the flight too (empty).
  auto landing = loads ? std::make_shared<FlightLanding>(std::move(flight)) : nullptr;
  auto response = json_body_response(Status::ok, co_await load());
  response.keep = [&cache, key = std::move(key), generation, max_age,
                   landing = std::move(landing)](PageCache::Page page) {
    cache.put(key, page, generation, max_age);
    if (landing) landing->land(std::move(page));
  };
  co_return response;
}

}  // namespace nicecream::api

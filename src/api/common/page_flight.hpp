#pragma once

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "http/serialized_response.hpp"

namespace nicecream::api {

// One load of a page in progress, which the requests that miss the same page meanwhile wait for
// instead of each reading it again. After every new item empties the cache, 64 concurrent
// requests would otherwise be 64 database reads at once (bench/http's mixed run on PostgreSQL:
// read p99 201 ms).
class PageFlight {
 public:
  using Page = std::shared_ptr<const http::SerializedResponse>;

  // The page once it lands; nullptr if the load was abandoned (the caller then loads it itself)
  // or took longer than `patience`. Suspends; never blocks the thread.
  boost::asio::awaitable<Page> wait(std::chrono::steady_clock::duration patience);
  // Wakes every waiter; only the first landing counts.
  void land(Page page);
  bool landed() const;

 private:
  mutable std::mutex mutex_;
  bool landed_ = false;
  Page page_;
  std::vector<std::function<void()>> wakeups_;
};

// Held by the loading request: lands its flight with the page it keeps, or with nothing when the
// response goes without being kept (the client left, the load failed), so nobody waits in vain.
class FlightLanding {
 public:
  explicit FlightLanding(std::shared_ptr<PageFlight> flight) : flight_(std::move(flight)) {}
  ~FlightLanding();
  FlightLanding(const FlightLanding&) = delete;
  FlightLanding& operator=(const FlightLanding&) = delete;

  void land(PageFlight::Page page);

 private:
  std::shared_ptr<PageFlight> flight_;
};

}  // namespace nicecream::api

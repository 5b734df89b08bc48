#include "api/common/page_flight.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace nicecream::api {

namespace asio = boost::asio;

asio::awaitable<PageFlight::Page> PageFlight::wait(std::chrono::steady_clock::duration patience) {
  auto timer = std::make_shared<asio::steady_timer>(co_await asio::this_coro::executor, patience);
  {
    std::lock_guard lock(mutex_);
    if (landed_) co_return page_;
    // Posted to this coroutine's executor, so it runs only once the wait below has begun.
    wakeups_.push_back(
        [timer] { asio::post(timer->get_executor(), [timer] { timer->cancel(); }); });
  }
  co_await timer->async_wait(asio::as_tuple(asio::use_awaitable));
  std::lock_guard lock(mutex_);
  co_return page_;
}

void PageFlight::land(Page page) {
  std::vector<std::function<void()>> wakeups;
  {
    std::lock_guard lock(mutex_);
    if (landed_) return;
    landed_ = true;
    page_ = std::move(page);
    wakeups.swap(wakeups_);
  }
  for (const auto& wake : wakeups) wake();
}

bool PageFlight::landed() const {
  std::lock_guard lock(mutex_);
  return landed_;
}

FlightLanding::~FlightLanding() {
  if (flight_) flight_->land(nullptr);
}

void FlightLanding::land(PageFlight::Page page) {
  flight_->land(std::move(page));
  flight_.reset();
}

}  // namespace nicecream::api

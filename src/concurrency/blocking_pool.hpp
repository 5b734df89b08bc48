#pragma once

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include "metrics/app_metrics.hpp"

namespace nicecream::concurrency {

// A bounded set of threads for blocking work (database calls, file reads). I/O threads await
// `run(...)`; the coroutine resumes on its own executor once the work is done, and exceptions
// thrown by the work are rethrown there.
//
// Work waiting for a thread is counted in nicecream_blocking_pool_queue. `run` is for store
// calls: given the engine's name, the pool times each one into
// nicecream_store_call_duration_seconds{engine}, so no Store wrapper has to; `run_other` is for
// the rest (file reads, calls to the identity provider), which must not count as store calls.
class BlockingPool {
 public:
  explicit BlockingPool(std::size_t threads, std::string_view store_engine = {})
      : pool_(threads),
        store_calls_(store_engine.empty()
                         ? nullptr
                         : &metrics::app().store_call_duration.with({store_engine})),
        queue_(metrics::app().blocking_pool_queue.with({})) {}
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;
  ~BlockingPool() { join(); }

  template <class Work>
  boost::asio::awaitable<std::invoke_result_t<Work>> run(Work work) {
    return submit(std::move(work), store_calls_);
  }

  template <class Work>
  boost::asio::awaitable<std::invoke_result_t<Work>> run_other(Work work) {
    return submit(std::move(work), nullptr);
  }

  void join() {
    pool_.stop();
    pool_.join();
  }

 private:
  template <class Work>
  boost::asio::awaitable<std::invoke_result_t<Work>> submit(Work work, metrics::Histogram* timed) {
    using Result = std::invoke_result_t<Work>;
    queue_.add(1);
    co_return co_await boost::asio::co_spawn(
        pool_.get_executor(),
        [this, timed, work = std::move(work)]() mutable -> boost::asio::awaitable<Result> {
          queue_.add(-1);
          if (!timed) co_return work();
          const auto started = std::chrono::steady_clock::now();
          struct Timer {
            metrics::Histogram& histogram;
            std::chrono::steady_clock::time_point started;
            ~Timer() {
              histogram.observe(
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                      .count());
            }
          } timer{*timed, started};
          co_return work();
        },
        boost::asio::use_awaitable);
  }

  boost::asio::thread_pool pool_;
  metrics::Histogram* store_calls_;
  metrics::Gauge& queue_;
};

}  // namespace nicecream::concurrency

#include "lifecycle/retention_worker.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>

namespace nicecream::lifecycle {

RetentionWorker::RetentionWorker(store::Store& store, RetentionPolicy policy,
                                 std::chrono::seconds period)
    : store_(store), policy_(policy), period_(period) {
  spdlog::info("retention: history older than {} day(s) is removed every {} s", policy_.days,
               period_.count());
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

RetentionWorker::~RetentionWorker() {
  thread_.request_stop();
}

void RetentionWorker::run(std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any wake;
  // Sleeps `pause` unless stopped first; true when not stopped.
  const auto rest = [&](std::chrono::steady_clock::duration pause) {
    std::unique_lock lock(mutex);
    return !wake.wait_for(lock, stop, pause, [] { return false; }) && !stop.stop_requested();
  };
  while (!stop.stop_requested()) {
    try {
      remove_expired_history(store_, policy_, domain::now(), rest);
    } catch (const std::exception& error) {
      spdlog::warn("retention: run failed, next try in {} s: {}", period_.count(), error.what());
    }
    rest(period_);
  }
}

}  // namespace nicecream::lifecycle

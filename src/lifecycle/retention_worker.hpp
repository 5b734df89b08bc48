#pragma once

#include <chrono>
#include <thread>

#include "lifecycle/retention.hpp"

namespace nicecream::lifecycle {

// Runs remove_expired_history at start and then every `period` on a thread of its own (never an
// I/O thread: every batch blocks on the store); stops and joins when destroyed. A failed run
// (the database away) is logged and tried again at the next period.
class RetentionWorker {
 public:
  RetentionWorker(store::Store& store, RetentionPolicy policy,
                  std::chrono::seconds period = std::chrono::hours{1});
  ~RetentionWorker();
  RetentionWorker(const RetentionWorker&) = delete;
  RetentionWorker& operator=(const RetentionWorker&) = delete;

 private:
  void run(std::stop_token stop);

  store::Store& store_;
  RetentionPolicy policy_;
  std::chrono::seconds period_;
  std::jthread thread_;
};

}  // namespace nicecream::lifecycle

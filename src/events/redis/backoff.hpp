#pragma once

#include <algorithm>
#include <chrono>

namespace nicecream::events::redis {

// Waits between reconnection attempts: doubling from `first` up to `limit`, back to `first` after
// a success.
class Backoff {
 public:
  Backoff(std::chrono::milliseconds first, std::chrono::milliseconds limit)
      : first_(first), limit_(std::max(first, limit)), next_(first) {}

  std::chrono::milliseconds next() {
    const auto wait = next_;
    next_ = std::min(next_ * 2, limit_);
    return wait;
  }
  void reset() { next_ = first_; }

 private:
  std::chrono::milliseconds first_;
  std::chrono::milliseconds limit_;
  std::chrono::milliseconds next_;
};

}  // namespace nicecream::events::redis

#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace nicecream::testing {

// Polls until `done` holds; false when it still does not after `limit`. For waiting on the
// server's own pace (a crawl interval), never for asserting on speed: the limit is generous.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds{30}) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
  return done();
}

}  // namespace nicecream::testing

#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <vector>

#include "crawler/fetch_types.hpp"

namespace nicecream::crawler {

class Transfer;

// Runs any number of transfers at once on the calling thread with one libcurl multi handle.
// Not thread-safe, except wake().
class Fetcher {
 public:
  explicit Fetcher(FetchLimits limits);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  void start(FetchRequest request);
  std::size_t in_flight() const { return transfers_.size(); }

  // Moves the transfers along until one or more end, `deadline` passes or wake() is called;
  // returns those that ended.
  std::vector<FetchResponse> wait(std::chrono::steady_clock::time_point deadline);

  // Makes a wait() in progress (or the next one) return at once; callable from any thread.
  void wake();

 private:
  std::vector<FetchResponse> collect_finished();

  FetchLimits limits_;
  void* multi_;                                           // CURLM*, kept out of the header
  std::map<void*, std::unique_ptr<Transfer>> transfers_;  // by easy handle
};

// libcurl's process-wide setup, done once before the first Fetcher.
void initialise_curl();

}  // namespace nicecream::crawler

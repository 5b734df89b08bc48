#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace nicecream::api {

// Open event streams per client address, so one address cannot hold the server's descriptors.
class StreamCounter {
 public:
  explicit StreamCounter(int max_per_client) : max_per_client_(max_per_client) {}

  // Counts one stream for the address while alive; empty when the address is at its limit.
  class Ticket {
   public:
    Ticket(StreamCounter& counter, std::string address)
        : counter_(&counter), address_(std::move(address)) {}
    Ticket(Ticket&& other) noexcept
        : counter_(std::exchange(other.counter_, nullptr)), address_(std::move(other.address_)) {}
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket() {
      if (counter_) counter_->release(address_);
    }

   private:
    StreamCounter* counter_;
    std::string address_;
  };

  std::optional<Ticket> acquire(const std::string& address);

 private:
  void release(const std::string& address);

  int max_per_client_;
  std::mutex mutex_;
  std::unordered_map<std::string, int> open_;
};

// A token bucket per client address: `per_minute` actions, refilled evenly over the minute.
class RateLimiter {
 public:
  explicit RateLimiter(int per_minute, std::size_t max_clients = 100'000)
      : per_minute_(per_minute), max_clients_(max_clients) {}

  // nullopt when allowed; otherwise the seconds to wait before the next action is allowed.
  std::optional<int> take(const std::string& address, std::chrono::steady_clock::time_point now =
                                                          std::chrono::steady_clock::now());

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point updated;
  };
  void forget_full_buckets(std::chrono::steady_clock::time_point now);

  int per_minute_;
  std::size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace nicecream::api

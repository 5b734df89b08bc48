#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http_probe.hpp"
#include "server/http_client.hpp"

namespace nicecream::testing {

// A live client: reads /history/events on a thread of its own, as fast as the server sends, and
// keeps every history item until the stream ends (the server died) or the recorder goes.
class EventRecorder {
 public:
  // `event_name`: the server's REDIS_CHANNEL, which names its history events.
  explicit EventRecorder(std::uint16_t port, std::string event_name = "history");
  ~EventRecorder();
  EventRecorder(const EventRecorder&) = delete;
  EventRecorder& operator=(const EventRecorder&) = delete;

  int status() const { return stream_.status(); }
  std::vector<Item> items() const;
  std::size_t count() const;
  bool ended() const;
  // Returns as soon as `count` items have arrived (true), or the stream ended or `limit` passed
  // without them (false).
  bool wait_for(std::size_t count, std::chrono::milliseconds limit);

 private:
  void read_until_the_end(std::stop_token stop);

  EventStreamClient stream_;
  const std::string event_name_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Item> items_;
  bool ended_ = false;
  std::jthread reader_;  // last: it starts once everything above exists
};

}  // namespace nicecream::testing

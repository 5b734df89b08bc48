#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>

#include "domain/models.hpp"

namespace nicecream::api {

// One SSE client's pending items. Filled from the bus (posted onto the client's strand), drained
// by the client's coroutine; bounded, so a client that cannot keep up is dropped instead of
// slowing anyone else.
class LiveQueue : public std::enable_shared_from_this<LiveQueue> {
 public:
  LiveQueue(boost::asio::any_io_executor executor, std::optional<domain::Id> channel_id,
            std::size_t capacity);

  // Thread-safe: hands the item over to the client's strand.
  void offer(const domain::HistoryItem& item);
  // On the strand:
  std::optional<domain::HistoryItem> take();
  bool overflowed() const { return overflowed_; }
  void close();
  bool closed() const { return closed_; }
  boost::asio::steady_timer& wakeup() { return wakeup_; }

 private:
  void push(const domain::HistoryItem& item);

  boost::asio::any_io_executor executor_;
  std::optional<domain::Id> channel_id_;
  std::size_t capacity_;
  std::deque<domain::HistoryItem> items_;
  boost::asio::steady_timer wakeup_;
  bool overflowed_ = false;
  bool closed_ = false;
};

// The SSE wire format of one history event.
std::string format_history_event(const domain::HistoryItem& item);

}  // namespace nicecream::api

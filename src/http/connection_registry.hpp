#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace nicecream::http {

// The server's view of one open connection, for shutdown. Only touched on the connection's
// strand, except `executor`, which is fixed.
struct ConnectionState {
  boost::asio::any_io_executor executor;
  bool busy = false;  // a request is being read, handled or answered
  // Shutdown began, or the client of an event stream hung up: finish the current request, then
  // close.
  bool stopping = false;
  std::function<void()> interrupt_idle;  // cancels a wait for the next request
  std::function<void()> stop_stream;     // set while the connection streams events
};

class ConnectionRegistry {
 public:
  std::uint64_t add(std::shared_ptr<ConnectionState> state);
  void remove(std::uint64_t key);
  std::size_t size() const;
  // Asks every connection, on its own strand, to finish.
  void stop_all();

 private:
  mutable std::mutex mutex_;
  std::uint64_t next_key_ = 0;
  std::map<std::uint64_t, std::weak_ptr<ConnectionState>> states_;
};

}  // namespace nicecream::http

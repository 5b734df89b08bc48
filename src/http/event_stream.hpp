#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>

namespace nicecream::http {

// What a streaming handler (SSE) may do with the connection it was handed.
class EventStream {
 public:
  virtual ~EventStream() = default;
  // Writes raw bytes; false when the client is gone or the write timed out.
  virtual boost::asio::awaitable<bool> write(std::string data) = 0;
  // The connection's strand: post here to touch the stream's state from other threads.
  virtual boost::asio::any_io_executor executor() = 0;
  // Called on the strand once when the server shuts down; the handler should then return.
  virtual void on_shutdown(std::function<void()> callback) = 0;
  virtual const std::string& remote_address() const = 0;
};

}  // namespace nicecream::http

#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>

namespace nicecream::http {

// What a streaming handler (SSE, downloads) may do with the connection it was handed.
class EventStream {
 public:
  virtual ~EventStream() = default;
  // Writes bytes (framed as one chunk when the handler's response set Transfer-Encoding: chunked;
  // the last chunk follows when the handler returns); false when the client is gone or the write
  // timed out. Awaiting each write is the back-pressure: a slow client slows its own writer.
  virtual boost::asio::awaitable<bool> write(std::string data) = 0;
  // The connection's strand: post here to touch the stream's state from other threads.
  virtual boost::asio::any_io_executor executor() = 0;
  // The socket's descriptor, for send_now() from other threads while no write() is in progress:
  // the handler coordinates that, and stops them before it returns (the connection closes the
  // descriptor after). -1 when the body is framed (chunked), so bytes must go through write().
  virtual int direct_socket() = 0;
  // Called on the strand once when the server shuts down; the handler should then return.
  virtual void on_shutdown(std::function<void()> callback) = 0;
  virtual const std::string& remote_address() const = 0;
};

}  // namespace nicecream::http

#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/status.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string_view>

#include "http/router.hpp"
#include "http/server_options.hpp"

namespace nicecream::http {

// Builds the body of errors the server answers itself (bad request, header or body too large),
// so every error has the application's one shape.
using ErrorResponder = std::function<Response(boost::beast::http::status, std::string_view)>;

class ConnectionRegistry;

// An HTTP/1.1 server: one coroutine per connection on a strand, keep-alive and pipelining,
// header/body limits, read/idle/write deadlines, graceful two-phase shutdown.
class Server {
 public:
  Server(ServerOptions options, Handler handler, ErrorResponder errors);
  ~Server();

  // Binds and listens; throws std::system_error naming the address when that fails.
  void listen();
  std::uint16_t port() const;
  // Runs the I/O threads until the server has shut down.
  void run();
  // Stops accepting, lets requests in flight finish, ends idle connections and streams; the
  // I/O threads are cut after the grace period. Safe from any thread, any number of times.
  void shutdown();
  boost::asio::io_context& context() { return context_; }

 private:
  boost::asio::awaitable<void> accept_loop();
  boost::asio::awaitable<void> wait_for_connections();
  void refuse(boost::asio::ip::tcp::socket socket);

  ServerOptions options_;
  Handler handler_;
  ErrorResponder errors_;
  boost::asio::io_context context_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::shared_ptr<ConnectionRegistry> connections_;
  std::atomic<bool> stopping_{false};
  std::chrono::steady_clock::time_point last_refusal_log_{};  // accept loop only
};

}  // namespace nicecream::http

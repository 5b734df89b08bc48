#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <system_error>
#include <thread>
#include <vector>

#include "http/connection.hpp"
#include "http/connection_registry.hpp"

namespace nicecream::http {

namespace asio = boost::asio;
using asio::ip::tcp;

Server::Server(ServerOptions options, Handler handler, ErrorResponder errors)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      errors_(std::move(errors)),
      context_(options_.threads),
      acceptor_(context_),
      connections_(std::make_shared<ConnectionRegistry>()) {}

Server::~Server() = default;

void Server::listen() {
  boost::system::error_code error;
  const auto address = asio::ip::make_address(options_.host, error);
  if (error) throw std::runtime_error("API_HOST: '" + options_.host + "' is not an IP address");
  const tcp::endpoint endpoint{address, options_.port};
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  if (options_.reuse_port)
    acceptor_.set_option(asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>(true));
  acceptor_.bind(endpoint, error);
  if (error)
    throw std::runtime_error("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port) + ": " + error.message());
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

std::uint16_t Server::port() const {
  return acceptor_.local_endpoint().port();
}

asio::awaitable<void> Server::accept_loop() {
  while (acceptor_.is_open()) {
    auto [error, socket] = co_await acceptor_.async_accept(asio::make_strand(context_),
                                                           asio::as_tuple(asio::use_awaitable));
    if (error) {
      if (error == asio::error::operation_aborted || !acceptor_.is_open()) break;
      // Out of descriptors and the like: back off briefly instead of spinning.
      spdlog::warn("accept failed: {}", error.message());
      asio::steady_timer pause(context_, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    if (connections_->size() >= options_.max_connections) {
      refuse(std::move(socket));
      continue;
    }
    socket.set_option(tcp::no_delay(true));
    auto executor = socket.get_executor();
    asio::co_spawn(executor,
                   serve_connection(std::move(socket), options_, handler_, errors_, connections_),
                   asio::detached);
  }
}

// Over the connection cap: close at once (the client sees a reset), saying so at most once a
// second so a flood does not flood the log too.
void Server::refuse(tcp::socket socket) {
  boost::system::error_code ignored;
  socket.close(ignored);
  const auto now = std::chrono::steady_clock::now();
  if (now - last_refusal_log_ > std::chrono::seconds{1}) {
    last_refusal_log_ = now;
    spdlog::warn("connection refused: {} connections open (API_MAX_CONNECTIONS)",
                 connections_->size());
  }
}

void Server::run() {
  asio::co_spawn(context_, accept_loop(), [](std::exception_ptr failure) {
    if (failure) std::rethrow_exception(failure);
  });
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.threads; ++i) threads.emplace_back([this] { context_.run(); });
  context_.run();
  for (auto& thread : threads) thread.join();
}

asio::awaitable<void> Server::wait_for_connections() {
  const auto deadline = std::chrono::steady_clock::now() + options_.shutdown_grace;
  asio::steady_timer tick(context_);
  while (connections_->size() > 0 && std::chrono::steady_clock::now() < deadline) {
    tick.expires_after(std::chrono::milliseconds(20));
    co_await tick.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  if (connections_->size() > 0)
    spdlog::warn("{} connections still open after the grace period; closing them",
                 connections_->size());
  context_.stop();
}

void Server::shutdown() {
  if (stopping_.exchange(true)) return;
  asio::post(context_, [this] {
    spdlog::info("shutting down: no new connections, finishing requests in flight");
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    connections_->stop_all();
    asio::co_spawn(context_, wait_for_connections(), asio::detached);
  });
}

}  // namespace nicecream::http

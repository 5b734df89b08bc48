#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>

#include "http/connection_registry.hpp"
#include "http/router.hpp"
#include "http/server_options.hpp"

namespace nicecream::http {

using ErrorResponderRef =
    const std::function<Response(boost::beast::http::status, std::string_view)>&;

// Serves one connection until the client leaves, a deadline passes or the server stops.
boost::asio::awaitable<void> serve_connection(boost::asio::ip::tcp::socket socket,
                                              const ServerOptions& options, const Handler& handler,
                                              ErrorResponderRef errors,
                                              std::shared_ptr<ConnectionRegistry> registry);

}  // namespace nicecream::http

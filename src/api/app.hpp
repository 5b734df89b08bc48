#pragma once

#include <boost/asio/awaitable.hpp>
#include <memory>

#include "api/client_limits.hpp"
#include "api/live_hub.hpp"
#include "api/services.hpp"
#include "api/static_files.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace nicecream::api {

// The whole HTTP API: routes, CORS, the error shapes, static files of the web app.
class App {
 public:
  explicit App(Services services);

  boost::asio::awaitable<http::Response> handle(http::Request& request);
  http::Router& router() { return router_; }
  Services& services() { return services_; }
  static http::ErrorResponder error_responder();

 private:
  boost::asio::awaitable<http::Response> dispatch(http::Request& request);
  boost::asio::awaitable<http::Response> not_found(http::Request& request);
  http::Response preflight(const http::Request& request) const;
  void add_common_headers(const http::Request& request, http::Response& response) const;

  bool rate_limited(const http::Request& request) const;

  Services services_;
  StaticFiles web_files_;
  StreamCounter streams_;
  LiveHub live_hub_;
  mutable RateLimiter writes_;
  http::Router router_;
};

}  // namespace nicecream::api

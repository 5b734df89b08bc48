#pragma once

#include <boost/asio/awaitable.hpp>
#include <memory>

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

  Services services_;
  StaticFiles web_files_;
  http::Router router_;
};

}  // namespace nicecream::api

#pragma once

#include <boost/asio/awaitable.hpp>

#include "api/common/client_limits.hpp"
#include "api/common/cors.hpp"
#include "api/live/live_hub.hpp"
#include "api/services.hpp"
#include "api/web/static_files.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace nicecream::api {

// The whole HTTP API: every resource's routes, and what happens around them (dispatch, the
// answers no route gives, the headers every answer carries).
class App {
 public:
  explicit App(Services services);

  boost::asio::awaitable<http::Response> handle(http::Request& request);
  static http::ErrorResponder error_responder();

 private:
  boost::asio::awaitable<http::Response> answer(http::Request& request);
  boost::asio::awaitable<http::Response> dispatch(http::Request& request);
  void add_common_headers(const http::Request& request, http::Response& response) const;

  Services services_;
  Cors cors_;
  StaticFiles web_files_;
  StreamCounter streams_;
  LiveHub live_hub_;
  RateLimiter writes_;
  http::Router router_;
};

}  // namespace nicecream::api

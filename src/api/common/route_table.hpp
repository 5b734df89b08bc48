#pragma once

#include <boost/beast/http/verb.hpp>
#include <string_view>

#include "api/common/client_limits.hpp"
#include "http/router.hpp"

namespace nicecream::api {

// What a route declares about itself beside its handler.
struct RouteOptions {
  // Costs the identity provider or the database: counted against the client address's write
  // rate, and answered 429 with Retry-After beyond it. Reads are cheap and cached.
  bool write_limited = false;
};

// Where resources add their routes, each with its options.
class RouteTable {
 public:
  RouteTable(http::Router& router, RateLimiter& writes) : router_(router), writes_(writes) {}

  void add(boost::beast::http::verb method, std::string_view pattern, http::Handler handler,
           RouteOptions options = {});

 private:
  http::Router& router_;
  RateLimiter& writes_;
};

}  // namespace nicecream::api

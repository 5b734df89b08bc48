#include "api/common/route_table.hpp"

#include <boost/beast/http/field.hpp>
#include <string>

#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

http::Handler write_limited(http::Handler handler, RateLimiter& writes) {
  return [handler = std::move(handler),
          &writes](http::Request& request) -> boost::asio::awaitable<http::Response> {
    if (const auto wait = writes.take(request.remote_address)) {
      auto response = error_response(Status::too_many_requests, "Too many requests; slow down.");
      response.message.set(boost::beast::http::field::retry_after, std::to_string(*wait));
      co_return response;
    }
    co_return co_await handler(request);
  };
}

}  // namespace

void RouteTable::add(boost::beast::http::verb method, std::string_view pattern,
                     http::Handler handler, RouteOptions options) {
  if (options.write_limited) handler = write_limited(std::move(handler), writes_);
  router_.add(method, pattern, std::move(handler));
}

}  // namespace nicecream::api

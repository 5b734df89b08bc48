#include "api/json_views.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"

namespace nicecream::api {

void add_channel_routes(http::Router& router, Services& services) {
  router.add(boost::beast::http::verb::get, "/channels",
             [&services](http::Request&) -> boost::asio::awaitable<http::Response> {
               auto channels =
                   co_await services.blocking.run([&] { return services.store.list_channels(); });
               co_return json_response(Status::ok, to_json(channels));
             });
}

}  // namespace nicecream::api

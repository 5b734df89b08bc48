#include "api/channels/channel_routes.hpp"

#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"
#include "api/common/responses.hpp"

namespace nicecream::api {

void add_channel_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/channels",
             [&services](http::Request&) -> boost::asio::awaitable<http::Response> {
               // Public and rarely changing: served from the same memory as anonymous pages.
               auto& cache = services.history_cache;
               if (auto cached = cache.get("channels"))
                 co_return json_body_response(Status::ok, std::move(*cached));
               const auto generation = cache.generation();
               auto channels =
                   co_await services.blocking.run([&] { return services.store.list_channels(); });
               auto body = boost::json::serialize(to_json(channels));
               cache.put("channels", body, generation);
               co_return json_body_response(Status::ok, std::move(body));
             });
}

}  // namespace nicecream::api

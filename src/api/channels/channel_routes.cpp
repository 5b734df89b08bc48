#include "api/channels/channel_routes.hpp"

#include <boost/json/serialize.hpp>

#include "api/channels/channel_views.hpp"
#include "api/common/json_views.hpp"
#include "api/common/page_cache.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

constexpr std::string_view kChannelNotFound = "Channel not found.";

std::optional<domain::OutageQuery> read_outage_query(const http::Request& request,
                                                     domain::ValidationErrors& errors) {
  const auto channel_id = read_path_id(request, "channel_id", errors);
  QueryReader reader(request.query, {"from", "to", "limit"});
  const auto window = read_time_window(reader);
  const auto limit = reader.integer("limit", {.min = 1, .max = domain::kMaxPageSize});
  if (!channel_id || !reader.errors().empty()) {
    if (channel_id) errors = reader.errors();
    return std::nullopt;
  }
  return domain::OutageQuery{.channel_id = channel_id,
                             .from = window.from,
                             .to = window.to,
                             .limit = static_cast<int>(limit.value_or(domain::kDefaultPageSize))};
}

boost::asio::awaitable<http::Response> list_outages(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  const auto query = read_outage_query(request, errors);
  if (!query) co_return validation_response(errors);
  auto outages =
      co_await services.blocking.run([&]() -> std::optional<std::vector<domain::Outage>> {
        if (!services.store.find_channel(*query->channel_id)) return std::nullopt;
        return services.store.list_outages(*query);
      });
  if (!outages) co_return error_response(Status::not_found, kChannelNotFound);
  co_return json_response(Status::ok, to_json(*outages));
}

// Kept briefly: a status change and a channel change invalidate the list, but a status's
// last_poll_at moves with every crawler flush without either.
constexpr std::chrono::seconds kChannelListMaxAge{1};

boost::asio::awaitable<http::Response> list_channels(Services& services) {
  co_return co_await cached_json_page(
      services.page_cache, "channels", kChannelListMaxAge,
      [&services]() -> boost::asio::awaitable<std::string> {
        co_return boost::json::serialize(
            co_await services.blocking.run([&] { return channels_with_status(services.store); }));
      });
}

}  // namespace

void add_channel_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/channels",
             [&services](http::Request&) { return list_channels(services); });
  routes.add(boost::beast::http::verb::get, "/channels/{channel_id:int}/outages",
             [&services](http::Request& request) { return list_outages(services, request); });
}

}  // namespace nicecream::api

#include "api/charts/chart_routes.hpp"

#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"
#include "api/common/page_cache.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "domain/catalog.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

constexpr auto kDefaultChartWindow = std::chrono::days{7};
// Ten years and leap days: the window before it then still starts after 1950.
constexpr auto kMaxChartWindow = std::chrono::days{3660};

// by song (default) or artist; to defaults to now and from to a week before `to`; channel_id
// as on /history.
std::optional<domain::ChartQuery> read_chart_query(const http::Request& request,
                                                   domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {"by", "channel_id", "from", "to", "limit"});
  const auto by = reader.one_of("by", {"song", "artist"});
  const auto channel_id = read_channel_filter(reader);
  const auto limit = reader.integer("limit", {.min = 1, .max = domain::kMaxChartSize});
  const auto window = read_time_window(reader);
  domain::ChartQuery query;
  query.to = window.to.value_or(domain::now());
  query.from = window.from.value_or(query.to - kDefaultChartWindow);
  if (window.from && !window.to && query.from >= query.to)
    reader.reject("from", "Must be earlier than now (the default of to).");
  else if (query.to - query.from > kMaxChartWindow)
    reader.reject("from", "A chart spans at most 3660 days.");
  errors = reader.errors();
  if (!errors.empty()) return std::nullopt;
  if (by == "artist") query.by = domain::ChartSubject::artist;
  query.channel_id = channel_id;
  query.limit = static_cast<int>(limit.value_or(domain::kDefaultChartSize));
  return query;
}

// Charts count whole quarter hours, so every query whose window starts and ends in the same
// slots has the same answer: the key names the slots, and a page stays right until an airing or a
// channel change invalidates it. Anyone may ask for any window, and a flat rotation makes a chart
// cost far more than a page of history, so the same chart asked many times at once is counted
// once.
std::string chart_cache_key(const domain::ChartQuery& query) {
  return "charts/" + std::string(query.by == domain::ChartSubject::artist ? "artist" : "song") +
         "/" + (query.channel_id ? std::to_string(*query.channel_id) : "") + "/" +
         std::to_string(domain::first_slot_from(query.from)) + "/" +
         std::to_string(domain::first_slot_from(query.to)) + "/" + std::to_string(query.limit);
}

constexpr std::chrono::minutes kChartMaxAge{10};

boost::asio::awaitable<http::Response> show_chart(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  const auto query = read_chart_query(request, errors);
  if (!query) co_return validation_response(errors);
  co_return co_await cached_json_page(
      services.page_cache, chart_cache_key(*query), kChartMaxAge,
      [&services, query = *query]() -> boost::asio::awaitable<std::string> {
        const auto entries =
            co_await services.blocking.run([&] { return services.store.chart(query); });
        co_return boost::json::serialize(chart_to_json(entries, query.by));
      });
}

}  // namespace

void add_chart_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/charts",
             [&services](http::Request& request) { return show_chart(services, request); });
}

}  // namespace nicecream::api

#include "api/history/history_routes.hpp"

#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

struct PageRequest {
  domain::HistoryQuery query;
  std::string cache_key;
};

// channel_id absent or 0 means all channels (the contract); `before` and `limit` are ours.
std::optional<PageRequest> read_page_request(const http::Request& request,
                                             domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {"channel_id"}, kPageParameters);
  const auto channel_id = reader.integer("channel_id", {.min = 0});
  const auto window = read_page_window(reader);
  if (!reader.errors().empty()) {
    errors = reader.errors();
    return std::nullopt;
  }
  PageRequest page;
  if (channel_id && *channel_id > 0) page.query.channel_id = *channel_id;
  page.query.before = window.before;
  page.query.offset = window.offset;
  page.query.limit = window.limit;
  page.cache_key = std::to_string(page.query.channel_id.value_or(0)) + "/" +
                   std::to_string(page.query.offset) + "/" + std::to_string(page.query.limit) +
                   "/" + std::to_string(page.query.before.value_or(0));
  return page;
}

boost::asio::awaitable<std::string> load_page(Services& services,
                                              const domain::HistoryQuery& query) {
  auto items = co_await services.blocking.run([&] { return services.store.list_history(query); });
  co_return boost::json::serialize(to_json(items));
}

boost::asio::awaitable<http::Response> list_history(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  auto page = read_page_request(request, errors);
  if (!page) co_return validation_response(errors);
  page->query.viewer_user_id = services.signed_in_user(request);
  if (page->query.viewer_user_id) {
    auto response = json_body_response(Status::ok, co_await load_page(services, page->query));
    response.message.set(boost::beast::http::field::cache_control, "no-store");
    co_return response;
  }
  auto& cache = services.history_cache;
  if (auto cached = cache.get(page->cache_key)) co_return json_body_response(Status::ok, *cached);
  const auto generation = cache.generation();
  auto body = co_await load_page(services, page->query);
  cache.put(page->cache_key, body, generation);
  co_return json_body_response(Status::ok, std::move(body));
}

}  // namespace

void add_history_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/history",
             [&services](http::Request& request) { return list_history(services, request); });
}

}  // namespace nicecream::api

#include "api/history/history_routes.hpp"

#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "domain/catalog.hpp"

namespace nicecream::api {

namespace {

struct PageRequest {
  domain::HistoryQuery query;
  // Only unfiltered pages are cached: their keys are few and hot. Searches and time windows are
  // open-ended (any text, any instant), would churn the cache and are answered from indexes.
  std::optional<std::string> cache_key;
};

std::optional<std::string> cache_key_of(const domain::HistoryQuery& query) {
  if (query.text || query.from || query.to || query.song_id) return std::nullopt;
  return std::to_string(query.channel_id.value_or(0)) + "/" + std::to_string(query.offset) + "/" +
         std::to_string(query.limit) + "/" + std::to_string(query.before.value_or(0));
}

// channel_id and offset are the contract's; the rest are ours.
std::optional<PageRequest> read_page_request(const http::Request& request,
                                             domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {"channel_id", "song_id", "q", "from", "to"}, kPageParameters);
  const auto channel_id = read_channel_filter(reader);
  const auto song_id = reader.integer("song_id", {.min = 1});
  auto text = reader.text("q", domain::kMaxSearchLength);
  const auto time = read_time_window(reader);
  const auto window = read_page_window(reader);
  if (!reader.errors().empty()) {
    errors = reader.errors();
    return std::nullopt;
  }
  PageRequest page;
  page.query.channel_id = channel_id;
  page.query.song_id = song_id;
  page.query.text = std::move(text);
  page.query.from = time.from;
  page.query.to = time.to;
  page.query.before = window.before;
  page.query.offset = window.offset;
  page.query.limit = window.limit;
  page.cache_key = cache_key_of(page.query);
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
  if (page->query.viewer_user_id || !page->cache_key) {
    auto response = json_body_response(Status::ok, co_await load_page(services, page->query));
    if (page->query.viewer_user_id)
      response.message.set(boost::beast::http::field::cache_control, "no-store");
    co_return response;
  }
  auto& cache = services.history_cache;
  if (auto cached = cache.get(*page->cache_key)) co_return json_body_response(Status::ok, *cached);
  const auto generation = cache.generation();
  auto body = co_await load_page(services, page->query);
  cache.put(*page->cache_key, body, generation);
  co_return json_body_response(Status::ok, std::move(body));
}

}  // namespace

void add_history_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/history",
             [&services](http::Request& request) { return list_history(services, request); });
}

}  // namespace nicecream::api

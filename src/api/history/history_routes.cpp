#include "api/history/history_routes.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"
#include "api/common/page_cache.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/history/history_filters.hpp"
#include "domain/catalog.hpp"

namespace nicecream::api {

namespace {

// A safety net: every new item and channel change invalidates the pages at once.
constexpr std::chrono::seconds kPageMaxAge{60};

struct PageRequest {
  domain::HistoryQuery query;
  // Only unfiltered pages are cached: their keys are few and hot. Searches and time windows are
  // open-ended (any text, any instant), would churn the cache and are answered from indexes.
  std::optional<std::string> cache_key;
  bool gaps = false;  // interleave the channels' outages (gaps=true)
};

std::optional<std::string> cache_key_of(const domain::HistoryQuery& query) {
  if (query.text || query.from || query.to || query.song_id || query.artist_id) return std::nullopt;
  return std::to_string(query.channel_id.value_or(0)) + "/" + std::to_string(query.offset) + "/" +
         std::to_string(query.limit) + "/" + std::to_string(query.before.value_or(0));
}

// The filters the export and the feed share, and a page's window.
constexpr auto kFilterAndPageParameters = [] {
  std::array<std::string_view, kHistoryFilters.size() + kPageParameters.size()> all{};
  std::ranges::copy(kPageParameters, std::ranges::copy(kHistoryFilters, all.begin()).out);
  return all;
}();

// channel_id and offset are the contract's; the rest are ours.
std::optional<PageRequest> read_page_request(const http::Request& request,
                                             domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {"gaps"}, kFilterAndPageParameters);
  auto filters = read_history_filters(reader);
  const auto window = read_page_window(reader);
  const bool gaps = reader.one_of("gaps", {"true", "false"}) == "true";
  if (gaps && (filters.text || filters.song_id || filters.artist_id))
    reader.reject("gaps",
                  "Gaps go with a channel's or every channel's history, not q, song_id or "
                  "artist_id.");
  if (gaps && window.offset > 0)
    reader.reject("gaps", "Pages with gaps are read with before, not offset.");
  if (!reader.errors().empty()) {
    errors = reader.errors();
    return std::nullopt;
  }
  PageRequest page;
  page.query = std::move(filters);
  page.query.before = window.before;
  page.query.offset = window.offset;
  page.query.limit = window.limit;
  page.gaps = gaps;
  if (!gaps) page.cache_key = cache_key_of(page.query);
  return page;
}

boost::asio::awaitable<std::string> load_page(Services& services,
                                              const domain::HistoryQuery& query) {
  auto items = co_await services.blocking.run([&] { return services.store.list_history(query); });
  co_return boost::json::serialize(to_json(items));
}

// The outages whose start falls in the time this page covers: from its oldest item (when the page
// is full; the last page reaches back to `from`, taking also outages that began before and still
// overlap) up to the item named by `before` (the previous page's oldest), so each gap is on
// exactly one page. At most kMaxPageSize of them; they do not count against `limit`.
std::vector<domain::Outage> gaps_of_page(store::Store& store, const domain::HistoryQuery& query,
                                         const std::vector<domain::HistoryItem>& items) {
  domain::OutageQuery outages{.channel_id = query.channel_id,
                              .from = query.from,
                              .to = query.to,
                              .limit = domain::kMaxPageSize};
  if (query.before) {
    const auto previous = store.history_after(*query.before - 1, std::nullopt, 1);
    if (!previous.empty())
      outages.to = std::min(outages.to.value_or(previous[0].created_at), previous[0].created_at);
  }
  const bool full = !items.empty() && std::ssize(items) >= query.limit;
  if (full) outages.from = items.back().created_at;
  auto gaps = store.list_outages(outages);
  if (full) std::erase_if(gaps, [&](const auto& gap) { return gap.started_at < *outages.from; });
  return gaps;
}

// Items and gaps newest first; a gap sits above the items played before it started.
boost::json::array interleave(const std::vector<domain::HistoryItem>& items,
                              const std::vector<domain::Outage>& gaps) {
  boost::json::array page;
  page.reserve(items.size() + gaps.size());
  auto gap = gaps.begin();
  for (const auto& item : items) {
    for (; gap != gaps.end() && gap->started_at >= item.created_at; ++gap)
      page.emplace_back(gap_to_json(*gap));
    auto entry = to_json(item);
    entry["type"] = "item";
    page.emplace_back(std::move(entry));
  }
  for (; gap != gaps.end(); ++gap) page.emplace_back(gap_to_json(*gap));
  return page;
}

boost::asio::awaitable<std::string> load_page_with_gaps(Services& services,
                                                        const domain::HistoryQuery& query) {
  auto page = co_await services.blocking.run([&] {
    const auto items = services.store.list_history(query);
    return interleave(items, gaps_of_page(services.store, query, items));
  });
  co_return boost::json::serialize(page);
}

boost::asio::awaitable<http::Response> list_history(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  auto page = read_page_request(request, errors);
  if (!page) co_return validation_response(errors);
  page->query.viewer_user_id = services.signed_in_user(request);
  if (page->gaps) {
    auto response =
        json_body_response(Status::ok, co_await load_page_with_gaps(services, page->query));
    response.message.set(boost::beast::http::field::cache_control, "no-store");
    co_return response;
  }
  if (page->query.viewer_user_id || !page->cache_key) {
    auto response = json_body_response(Status::ok, co_await load_page(services, page->query));
    if (page->query.viewer_user_id)
      response.message.set(boost::beast::http::field::cache_control, "no-store");
    co_return response;
  }
  co_return co_await cached_json_page(
      services.page_cache, "history/" + *page->cache_key, kPageMaxAge,
      [&services, &page] { return load_page(services, page->query); });
}

}  // namespace

void add_history_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/history",
             [&services](http::Request& request) { return list_history(services, request); });
}

}  // namespace nicecream::api

#include "api/feeds/feed_routes.hpp"

#include <boost/url/url.hpp>

#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/feeds/atom_feed.hpp"
#include "api/feeds/conditional_get.hpp"
#include "api/feeds/feed_links.hpp"
#include "api/history/history_filters.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

constexpr int kFeedItems = 50;

// What a feed is about; the items are the latest `kFeedItems` airings its query selects.
struct FeedSubject {
  domain::HistoryQuery query;
  std::string id;
  std::string title;
  std::string self;       // path and query of this feed
  std::string alternate;  // path and query of the app's page
};

std::string with_query(std::string_view path, std::string_view name, std::string_view value) {
  boost::urls::url link;
  link.set_path(path);
  link.params().append({name, value});
  return std::string(link.buffer());
}

AtomFeed feed_of(const Settings& settings, const FeedSubject& subject,
                 const std::vector<domain::HistoryItem>& items,
                 const std::vector<domain::Channel>& channels) {
  AtomFeed feed{.id = subject.id,
                .title = subject.title,
                .self = absolute_link(settings, subject.self),
                .alternate = absolute_link(settings, subject.alternate),
                .updated = items.empty() ? domain::Timestamp{} : items.front().created_at,
                .entries = {}};
  for (const auto& item : items) {
    std::string channel = "channel " + std::to_string(item.channel_id);
    for (const auto& known : channels)
      if (known.id == item.channel_id) channel = known.name;
    feed.entries.push_back(
        {.id = "urn:nicecream:history:" + std::to_string(item.id),
         .title = item.song_title,
         .updated = item.created_at,
         .link = absolute_link(settings, "/songs/" + std::to_string(item.song_id)),
         .summary = "Played on " + channel + " at " + domain::format_timestamp(item.created_at)});
  }
  return feed;
}

boost::asio::awaitable<http::Response> answer_feed(Services& services, const http::Request& request,
                                                   const FeedSubject& subject) {
  auto [items, channels] = co_await services.blocking.run([&] {
    return std::pair{services.store.list_history(subject.query), services.store.list_channels()};
  });
  const auto body = write_atom(feed_of(services.settings, subject, items, channels));
  const auto validators =
      validators_of(body, items.empty() ? 0 : items.front().id,
                    items.empty() ? domain::Timestamp{} : items.front().created_at);
  if (not_modified(request, validators)) co_return not_modified_response(validators);
  auto response = http::make_response(Status::ok, body, kAtomType);
  set_validators(response, validators);
  co_return response;
}

domain::HistoryQuery latest(domain::HistoryQuery query) {
  query.limit = kFeedItems;
  return query;
}

domain::HistoryQuery channel_items(domain::Id channel_id) {
  domain::HistoryQuery query;
  query.channel_id = channel_id;
  return latest(query);
}

domain::HistoryQuery song_items(domain::Id song_id) {
  domain::HistoryQuery query;
  query.song_id = song_id;
  return latest(query);
}

boost::asio::awaitable<http::Response> channel_feed(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  const auto channel_id = read_path_id(request, "channel_id", errors);
  if (!channel_id) co_return validation_response(errors);
  const auto channel =
      co_await services.blocking.run([&] { return services.store.find_channel(*channel_id); });
  if (!channel) co_return error_response(Status::not_found, "Channel not found.");
  const auto id = std::to_string(*channel_id);
  // A named subject: GCC 12 destroys a braced temporary inside co_await twice.
  const FeedSubject subject{.query = channel_items(*channel_id),
                            .id = "urn:nicecream:feed:channel:" + id,
                            .title = channel->name + " – Nicecream History",
                            .self = "/channels/" + id + "/feed.atom",
                            .alternate = "/?channel=" + id};
  co_return co_await answer_feed(services, request, subject);
}

boost::asio::awaitable<http::Response> song_feed(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  const auto song_id = read_path_id(request, "song_id", errors);
  if (!song_id) co_return validation_response(errors);
  const auto song =
      co_await services.blocking.run([&] { return services.store.find_song(*song_id); });
  if (!song) co_return error_response(Status::not_found, "Song not found.");
  const auto id = std::to_string(*song_id);
  // A named subject: GCC 12 destroys a braced temporary inside co_await twice.
  const FeedSubject subject{.query = song_items(*song_id),
                            .id = "urn:nicecream:feed:song:" + id,
                            .title = song->title + " – Nicecream History",
                            .self = "/songs/" + id + "/feed.atom",
                            .alternate = "/songs/" + id};
  co_return co_await answer_feed(services, request, subject);
}

// The filters in a fixed order and encoding, so one search has one feed id and self link.
std::string canonical_query(const domain::HistoryQuery& query) {
  boost::urls::url link;
  auto params = link.params();
  if (query.text) params.append({"q", *query.text});
  if (query.channel_id) params.append({"channel_id", std::to_string(*query.channel_id)});
  if (query.song_id) params.append({"song_id", std::to_string(*query.song_id)});
  if (query.artist_id) params.append({"artist_id", std::to_string(*query.artist_id)});
  if (query.from) params.append({"from", domain::format_timestamp(*query.from)});
  if (query.to) params.append({"to", domain::format_timestamp(*query.to)});
  return std::string(link.encoded_query());
}

// A saved search: /history's filters, q required.
boost::asio::awaitable<http::Response> search_feed(Services& services, http::Request& request) {
  QueryReader reader(request.query, {}, kHistoryFilters);
  auto query = read_history_filters(reader);
  if (!request.query.contains("q")) reader.reject("q", std::string(domain::messages::required));
  if (!reader.errors().empty()) co_return validation_response(reader.errors());
  const auto canonical = canonical_query(query);
  // A named subject: GCC 12 destroys a braced temporary inside co_await twice.
  const FeedSubject subject{.query = latest(query),
                            .id = "urn:nicecream:feed:search:" + canonical,
                            .title = "“" + *query.text + "” – Nicecream History",
                            .self = "/history/feed.atom?" + canonical,
                            .alternate = with_query("/search", "q", *query.text)};
  co_return co_await answer_feed(services, request, subject);
}

}  // namespace

void add_feed_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/channels/{channel_id:int}/feed.atom",
             [&services](http::Request& request) { return channel_feed(services, request); });
  routes.add(verb::get, "/songs/{song_id:int}/feed.atom",
             [&services](http::Request& request) { return song_feed(services, request); });
  routes.add(verb::get, "/history/feed.atom",
             [&services](http::Request& request) { return search_feed(services, request); });
}

}  // namespace nicecream::api

#include "api/watches/watch_routes.hpp"

#include "api/common/json_body.hpp"
#include "api/common/json_views.hpp"
#include "api/common/owned_removal.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"
#include "api/feeds/atom_feed.hpp"
#include "api/feeds/conditional_get.hpp"
#include "api/feeds/feed_links.hpp"
#include "api/watches/watch_body.hpp"
#include "api/watches/watch_feed.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

constexpr int kFeedEntries = 50;
constexpr std::string_view kAtomSuffix = ".atom";

// The user's feed address, creating the feed's token on first use (blocking: store calls).
std::string ensure_feed_url(Services& services, domain::Id user_id) {
  const auto fresh = new_watch_feed_token(services.settings);
  const auto salt = services.store.ensure_watch_feed(user_id, fresh.salt, fresh.hash);
  return watch_feed_url(services.settings, watch_feed_token(services.settings, salt).token);
}

http::Response private_json(Status status, const boost::json::value& body) {
  return no_store(json_response(status, body));
}

boost::asio::awaitable<http::Response> list_watches(Services& services, http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto user_id = std::get<domain::Id>(who);
  auto [watches, feed_url] = co_await services.blocking.run([&] {
    return std::pair{services.store.list_watches(user_id), ensure_feed_url(services, user_id)};
  });
  boost::json::array body;
  for (const auto& watch : watches) body.emplace_back(to_json(watch, feed_url));
  co_return private_json(Status::ok, body);
}

// Why a watch was not added, as the 422 body words it.
void explain_refusal(store::WatchAddOutcome outcome, domain::ValidationErrors& errors) {
  switch (outcome) {
    case store::WatchAddOutcome::limit_reached:
      errors.add("body", "kind",
                 "At most " + std::to_string(domain::kMaxWatchesPerUser) +
                     " watches a user: remove one first.");
      break;
    case store::WatchAddOutcome::nothing_to_match:
      errors.add("body", "value", "Holds no letter or digit to match.");
      break;
    case store::WatchAddOutcome::unknown_song:
      errors.add("body", "song_id", std::string(domain::messages::not_found));
      break;
    case store::WatchAddOutcome::unknown_channel:
      errors.add("body", "channel_id", std::string(domain::messages::not_found));
      break;
    case store::WatchAddOutcome::added:
    case store::WatchAddOutcome::existing:
      break;
  }
}

boost::asio::awaitable<http::Response> add_watch(Services& services, http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto user_id = std::get<domain::Id>(who);
  auto body = read_json_object(request);
  if (auto* refused = std::get_if<http::Response>(&body)) co_return std::move(no_store(*refused));
  domain::ValidationErrors errors;
  const auto watch = read_new_watch(std::get<boost::json::object>(body), errors);
  if (!watch) co_return private_json(Status::unprocessable_entity, to_json(errors));
  auto [addition, feed_url] = co_await services.blocking.run([&] {
    auto added = services.store.add_watch(user_id, *watch);
    return std::pair{std::move(added), added.watch ? ensure_feed_url(services, user_id) : ""};
  });
  if (!addition.watch) {
    explain_refusal(addition.outcome, errors);
    co_return no_store(validation_response(errors));
  }
  const auto status =
      addition.outcome == store::WatchAddOutcome::added ? Status::created : Status::ok;
  co_return private_json(status, to_json(*addition.watch, feed_url));
}

boost::asio::awaitable<http::Response> remove_watch(Services& services, http::Request& request) {
  return remove_owned(services, request,
                      {"watch_id", "Watch not found.",
                       [&services](domain::Id user_id, domain::Id watch_id) {
                         return services.store.remove_watch(user_id, watch_id);
                       },
                       [] { return http::make_response(Status::no_content, "", ""); }});
}

boost::asio::awaitable<http::Response> renew_feed_token(Services& services,
                                                        http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto user_id = std::get<domain::Id>(who);
  const auto fresh = new_watch_feed_token(services.settings);
  co_await services.blocking.run(
      [&] { services.store.replace_watch_feed(user_id, fresh.salt, fresh.hash); });
  co_return private_json(Status::ok,
                         {{"feed_url", watch_feed_url(services.settings, fresh.token)}});
}

AtomFeed watch_feed(const Settings& settings, std::string_view token,
                    const std::vector<domain::WatchMatch>& matches) {
  AtomFeed feed{.id = "urn:nicecream:feed:watches:" + watch_feed_token_hash(token),
                .title = "Your watches – Nicecream History",
                .self = watch_feed_url(settings, token),
                .alternate = absolute_link(settings, "/watches"),
                .updated = matches.empty() ? domain::Timestamp{} : matches.front().item.created_at,
                .entries = {}};
  for (const auto& match : matches) {
    const auto& item = match.item;
    feed.entries.push_back(
        {.id = "urn:nicecream:watch:" + std::to_string(match.watch_id) +
               ":history:" + std::to_string(item.id),
         .title = item.song_title,
         .updated = item.created_at,
         .link = absolute_link(settings, "/songs/" + std::to_string(item.song_id)),
         .summary = "Played on " + match.channel_name + " at " +
                    domain::format_timestamp(item.created_at) + " (you watch the " + match.kind +
                    " “" + match.value + "”)"});
  }
  return feed;
}

boost::asio::awaitable<http::Response> read_watch_feed(Services& services, http::Request& request) {
  const auto segment = request.params.get("feed").value_or("");
  if (!segment.ends_with(kAtomSuffix) || segment.size() == kAtomSuffix.size())
    co_return error_response(Status::not_found, "Feed not found.");
  const std::string token(segment.substr(0, segment.size() - kAtomSuffix.size()));
  auto matches =
      co_await services.blocking.run([&]() -> std::optional<std::vector<domain::WatchMatch>> {
        const auto user_id = services.store.find_watch_feed_user(watch_feed_token_hash(token));
        if (!user_id) return std::nullopt;
        return services.store.list_watch_matches(*user_id, kFeedEntries, std::nullopt);
      });
  if (!matches) co_return error_response(Status::not_found, "Feed not found.");
  const auto body = write_atom(watch_feed(services.settings, token, *matches));
  const auto validators =
      validators_of(body, matches->empty() ? 0 : matches->front().item.id,
                    matches->empty() ? domain::Timestamp{} : matches->front().item.created_at);
  if (not_modified(request, validators)) co_return not_modified_response(validators);
  auto response = http::make_response(Status::ok, body, kAtomType);
  set_validators(response, validators);
  co_return response;
}

}  // namespace

void add_watch_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/user/watches",
             [&services](http::Request& request) { return list_watches(services, request); });
  routes.add(verb::post, "/user/watches",
             [&services](http::Request& request) { return add_watch(services, request); },
             {.write_limited = true});
  routes.add(verb::delete_, "/user/watches/{watch_id:int}",
             [&services](http::Request& request) { return remove_watch(services, request); },
             {.write_limited = true});
  routes.add(verb::post, "/user/watches/feed-token",
             [&services](http::Request& request) { return renew_feed_token(services, request); },
             {.write_limited = true});
  // The router has no suffix captures: the handler reads "<token>.atom".
  routes.add(verb::get, "/feeds/watches/{feed}",
             [&services](http::Request& request) { return read_watch_feed(services, request); });
}

}  // namespace nicecream::api

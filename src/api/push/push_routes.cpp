#include "api/push/push_routes.hpp"

#include "api/common/json_body.hpp"
#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"
#include "api/push/push_subscription_body.hpp"

namespace nicecream::api {

namespace {

http::Response push_off_response() {
  return error_response(Status::service_unavailable,
                        "Web Push is not configured on this server (API_VAPID_SUBJECT).");
}

boost::asio::awaitable<http::Response> vapid_public_key(Services& services, http::Request&) {
  const auto& key = services.settings.vapid_public_key;
  co_return key.empty() ? push_off_response()
                        : json_response(Status::ok, boost::json::object{{"public_key", key}});
}

boost::asio::awaitable<http::Response> subscribe(Services& services, http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto user_id = std::get<domain::Id>(who);
  auto body = read_json_object(request);
  if (auto* refused = std::get_if<http::Response>(&body)) co_return std::move(no_store(*refused));
  domain::ValidationErrors errors;
  const auto subscription = read_push_subscription(std::get<boost::json::object>(body),
                                                   services.settings.allow_private_targets, errors);
  if (!subscription) {
    co_return no_store(validation_response(errors));
  }
  const bool created = co_await services.blocking.run(
      [&] { return services.store.save_push_subscription(user_id, *subscription); });
  co_return no_store(json_response(created ? Status::created : Status::ok,
                                   boost::json::object{{"endpoint", subscription->endpoint}}));
}

boost::asio::awaitable<http::Response> unsubscribe(Services& services, http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto user_id = std::get<domain::Id>(who);
  auto body = read_json_object(request);
  if (auto* refused = std::get_if<http::Response>(&body)) co_return std::move(no_store(*refused));
  domain::ValidationErrors errors;
  const auto endpoint = read_push_endpoint(std::get<boost::json::object>(body), errors);
  if (!endpoint) {
    co_return no_store(validation_response(errors));
  }
  const bool removed = co_await services.blocking.run(
      [&] { return services.store.remove_push_subscription(user_id, *endpoint); });
  // Someone else's endpoint is as missing as one never stored.
  co_return no_store(removed ? http::make_response(Status::no_content, "", "text/plain")
                             : error_response(Status::not_found, "Push subscription not found."));
}

}  // namespace

void add_push_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/push/vapid-public-key",
             [&services](http::Request& request) { return vapid_public_key(services, request); });
  routes.add(verb::post, "/user/push-subscriptions",
             [&services](http::Request& request) { return subscribe(services, request); },
             {.write_limited = true});
  routes.add(verb::delete_, "/user/push-subscriptions",
             [&services](http::Request& request) { return unsubscribe(services, request); },
             {.write_limited = true});
}

}  // namespace nicecream::api

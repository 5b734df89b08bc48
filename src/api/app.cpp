#include "api/app.hpp"

#include <spdlog/spdlog.h>

#include <boost/beast/http/field.hpp>

#include "api/artists/artist_routes.hpp"
#include "api/bookmarks/bookmark_export_routes.hpp"
#include "api/bookmarks/bookmark_routes.hpp"
#include "api/channels/channel_admin_routes.hpp"
#include "api/channels/channel_probe_routes.hpp"
#include "api/channels/channel_routes.hpp"
#include "api/charts/chart_routes.hpp"
#include "api/common/responses.hpp"
#include "api/common/route_table.hpp"
#include "api/common/security_headers.hpp"
#include "api/docs/docs_routes.hpp"
#include "api/embed/embed_routes.hpp"
#include "api/feeds/feed_routes.hpp"
#include "api/history/history_export_routes.hpp"
#include "api/history/history_routes.hpp"
#include "api/live/live_routes.hpp"
#include "api/ops/ops_routes.hpp"
#include "api/push/push_routes.hpp"
#include "api/songs/song_routes.hpp"
#include "api/user/sign_in_routes.hpp"
#include "api/user/user_routes.hpp"
#include "api/watches/watch_routes.hpp"
#include "api/web/spa_fallback.hpp"
#include "api/web/web_files.hpp"
#include "api/web/web_routes.hpp"
#include "store/errors.hpp"

namespace nicecream::api {

namespace bhttp = boost::beast::http;

App::App(Services services)
    : services_(std::move(services)),
      cors_(services_.settings.cors),
      web_files_(services_.settings.web_dir),
      streams_(services_.settings.max_streams_per_client),
      live_hub_(services_.bus, services_.settings.live_event_name),
      writes_(services_.settings.write_rate_per_minute) {
  RouteTable routes(router_, writes_);
  add_channel_routes(routes, services_);
  add_channel_admin_routes(routes, services_);
  add_channel_probe_routes(routes, services_);
  add_history_routes(routes, services_);
  add_history_export_routes(routes, services_);
  add_feed_routes(routes, services_);
  add_watch_routes(routes, services_);
  add_song_routes(routes, services_);
  add_artist_routes(routes, services_);
  add_chart_routes(routes, services_);
  add_live_routes(routes, services_, streams_, live_hub_);
  add_user_routes(routes, services_);
  add_sign_in_routes(routes, services_);
  add_bookmark_routes(routes, services_);
  add_bookmark_export_routes(routes, services_);
  add_push_routes(routes, services_);
  add_docs_routes(routes, services_, web_files_);
  add_web_routes(routes, services_, web_files_);
  add_ops_routes(routes, services_);
  add_embed_routes(routes, services_);
}

http::ErrorResponder App::error_responder() {
  return [](bhttp::status status, std::string_view message) {
    return error_response(status, message);
  };
}

boost::asio::awaitable<http::Response> App::handle(http::Request& request) {
  auto response = co_await answer(request);
  if (!response.serialized) add_common_headers(request, response);  // a kept page has them
  co_return response;
}

boost::asio::awaitable<http::Response> App::answer(http::Request& request) {
  if (request.method() == bhttp::verb::options && cors_.allowed())
    co_return cors_.preflight(router_.allowed_methods(request.path));
  try {
    co_return co_await dispatch(request);
  } catch (const store::Unavailable& failure) {
    spdlog::error("{} {}: database unavailable: {}", request.message.method_string(), request.path,
                  failure.what());
  }
  auto response = error_response(Status::service_unavailable,
                                 "The database is unavailable; try again shortly.");
  response.message.set(bhttp::field::retry_after, "5");
  co_return response;
}

boost::asio::awaitable<http::Response> App::dispatch(http::Request& request) {
  if (request.method() == bhttp::verb::get && is_shared_page_path(request.path) &&
      accepts_html(request.header("Accept")))
    co_return co_await serve_web_app(services_, web_files_);
  auto found = router_.find(request.method(), request.path);
  if (auto* route = std::get_if<http::Router::Found>(&found)) {
    request.params = std::move(route->params);
    request.route = *route->pattern;
    co_return co_await (*route->handler)(request);
  }
  if (auto* bad = std::get_if<http::Router::BadParam>(&found)) {
    domain::ValidationErrors errors;
    errors.add("path", bad->name, std::string(domain::messages::not_integer));
    co_return validation_response(errors);
  }
  if (auto* wrong = std::get_if<http::Router::MethodNotAllowed>(&found))
    co_return method_not_allowed_response(wrong->allow);
  if (auto page = co_await spa_fallback(services_, web_files_, request)) co_return std::move(*page);
  co_return error_response(Status::not_found, "Not Found");
}

void App::add_common_headers(const http::Request& request, http::Response& response) const {
  response.message.set(bhttp::field::server, "nicecream");
  add_security_headers(request.path, services_.settings.strict_transport_security, response);
  if (cors_.allowed()) cors_.add_headers(response);
}

}  // namespace nicecream::api

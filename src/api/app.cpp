#include "api/app.hpp"

#include <spdlog/spdlog.h>

#include <boost/beast/http/field.hpp>

#include "api/responses.hpp"
#include "api/routes.hpp"
#include "store/errors.hpp"

namespace nicecream::api {

namespace bhttp = boost::beast::http;

App::App(Services services)
    : services_(std::move(services)),
      web_files_(services_.config.web.web_dir),
      streams_(services_.config.server.max_streams_per_client),
      live_hub_(services_.bus),
      writes_(services_.config.server.write_rate_per_minute) {
  add_channel_routes(router_, services_);
  add_history_routes(router_, services_);
  add_event_routes(router_, services_, streams_, live_hub_);
  add_user_routes(router_, services_);
  add_sign_in_routes(router_, services_);
  add_bookmark_routes(router_, services_);
  add_docs_routes(router_, services_, web_files_);
  add_web_routes(router_, services_, web_files_);
}

http::ErrorResponder App::error_responder() {
  return [](bhttp::status status, std::string_view message) {
    return error_response(status, message);
  };
}

boost::asio::awaitable<http::Response> App::handle(http::Request& request) {
  http::Response response;
  if (request.method() == bhttp::verb::options && services_.config.cors.allowed) {
    response = preflight(request);
  } else if (const auto wait =
                 rate_limited(request) ? writes_.take(request.remote_address) : std::nullopt) {
    response = error_response(Status::too_many_requests, "Too many requests; slow down.");
    response.message.set(bhttp::field::retry_after, std::to_string(*wait));
  } else {
    try {
      response = co_await dispatch(request);
    } catch (const store::Unavailable& failure) {
      spdlog::error("{} {}: database unavailable: {}", request.message.method_string(),
                    request.path, failure.what());
      response = error_response(Status::service_unavailable,
                                "The database is unavailable; try again shortly.");
      response.message.set(bhttp::field::retry_after, "5");
    }
  }
  add_common_headers(request, response);
  co_return response;
}

boost::asio::awaitable<http::Response> App::dispatch(http::Request& request) {
  auto found = router_.find(request.method(), request.path);
  if (auto* route = std::get_if<http::Router::Found>(&found)) {
    request.params = std::move(route->params);
    co_return co_await (*route->handler)(request);
  }
  if (auto* bad = std::get_if<http::Router::BadParam>(&found)) {
    domain::ValidationErrors errors;
    errors.add("path", bad->name, std::string(domain::messages::not_integer));
    co_return validation_response(errors);
  }
  if (auto* wrong = std::get_if<http::Router::MethodNotAllowed>(&found)) {
    auto response = error_response(Status::method_not_allowed, "Method Not Allowed");
    response.message.set(bhttp::field::allow, wrong->allow);
    co_return response;
  }
  co_return co_await not_found(request);
}

// Sign-ins and bookmark writes cost the provider or the database; reads are cheap and cached.
bool App::rate_limited(const http::Request& request) const {
  const auto method = request.method();
  if (method == bhttp::verb::get) return request.path == "/user/google";
  return (method == bhttp::verb::post || method == bhttp::verb::delete_) &&
         request.path.starts_with("/user/bookmarks");
}

// Files of the built web app are served where no route matched.
boost::asio::awaitable<http::Response> App::not_found(http::Request& request) {
  if (request.method() == bhttp::verb::get && request.path.size() > 1) {
    auto file = co_await serve_web_file(services_, web_files_, request.path.substr(1));
    if (file) co_return std::move(*file);
  }
  co_return error_response(Status::not_found, "Not Found");
}

http::Response App::preflight(const http::Request&) const {
  auto response = http::make_response(Status::no_content, "", "text/plain");
  response.message.set(bhttp::field::access_control_allow_methods,
                       "OPTIONS,GET,POST,DELETE,PUT,PATCH");
  response.message.set(bhttp::field::access_control_allow_headers, "Content-Type,X-Csrf-Token");
  response.message.set(bhttp::field::access_control_max_age, "600");
  return response;
}

namespace {
// The app loads nothing from elsewhere but avatars; Swagger UI also sets inline styles.
constexpr std::string_view kAppPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
constexpr std::string_view kDocsPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'";
constexpr std::string_view kDataPolicy = "default-src 'none'; frame-ancestors 'none'";

std::string_view content_security_policy(const http::Request& request,
                                         const http::Response& response) {
  const auto type = response.message[bhttp::field::content_type];
  if (!type.starts_with("text/html")) return kDataPolicy;
  return request.path.starts_with("/docs") ? kDocsPolicy : kAppPolicy;
}
}  // namespace

void App::add_common_headers(const http::Request& request, http::Response& response) const {
  auto& message = response.message;
  message.set(bhttp::field::server, "nicecream");
  message.set("X-Content-Type-Options", "nosniff");
  message.set("X-Frame-Options", "DENY");
  message.set("Referrer-Policy", "no-referrer");
  message.set("Content-Security-Policy", content_security_policy(request, response));
  if (services_.config.auth.session_cookie_secure)
    message.set(bhttp::field::strict_transport_security, "max-age=31536000");
  const auto& cors = services_.config.cors;
  if (!cors.allowed) return;
  message.set(bhttp::field::access_control_allow_origin, cors.origin);
  message.set(bhttp::field::access_control_allow_credentials, "true");
  message.set(bhttp::field::access_control_expose_headers, "Content-Length");
  if (message.find(bhttp::field::access_control_max_age) == message.end()) {
    message.set(bhttp::field::access_control_max_age, "600");
    message.set(bhttp::field::access_control_allow_methods, "OPTIONS,GET,POST,DELETE,PUT,PATCH");
    message.set(bhttp::field::access_control_allow_headers, "Content-Type,X-Csrf-Token");
  }
  message.set(bhttp::field::vary, "Origin");
}

}  // namespace nicecream::api

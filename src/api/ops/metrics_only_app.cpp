#include "api/ops/metrics_only_app.hpp"

#include "api/common/responses.hpp"
#include "api/ops/ops_routes.hpp"

namespace nicecream::api {

namespace {
namespace bhttp = boost::beast::http;
using Awaitable = boost::asio::awaitable<http::Response>;
}  // namespace

MetricsOnlyApp::MetricsOnlyApp(std::string metrics_token)
    : metrics_token_(std::move(metrics_token)) {
  router_.add(bhttp::verb::get, "/metrics", [this](http::Request& request) -> Awaitable {
    co_return metrics_answer(request, metrics_token_);
  });
  router_.add(bhttp::verb::get, "/healthz",
              [](http::Request&) -> Awaitable { co_return health_answer(); });
}

Awaitable MetricsOnlyApp::handle(http::Request& request) {
  auto found = router_.find(request.method(), request.path);
  if (auto* route = std::get_if<http::Router::Found>(&found)) {
    request.route = *route->pattern;
    co_return co_await (*route->handler)(request);
  }
  if (auto* wrong = std::get_if<http::Router::MethodNotAllowed>(&found))
    co_return method_not_allowed_response(wrong->allow);
  co_return error_response(Status::not_found, "Not Found");
}

}  // namespace nicecream::api

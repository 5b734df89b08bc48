#include "api/ops/ops_routes.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/json/object.hpp>

#include "api/common/responses.hpp"
#include "api/ops/readiness.hpp"
#include "auth/constant_time.hpp"
#include "metrics/app_metrics.hpp"
#include "metrics/exposition.hpp"

namespace nicecream::api {

namespace {
namespace json = boost::json;
using boost::beast::http::verb;
using Awaitable = boost::asio::awaitable<http::Response>;

bool is_loopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

// With a token, only a request that bears it; without one, only this machine (a scraper beside
// the process, or a proxy in front that does not forward /metrics).
std::optional<http::Response> refuse_scrape(const http::Request& request,
                                            const std::string& token) {
  if (token.empty()) {
    if (is_loopback(request.remote_address)) return std::nullopt;
    return error_response(Status::forbidden,
                          "Metrics are served to loopback clients only; set API_METRICS_TOKEN.");
  }
  constexpr std::string_view kBearer = "Bearer ";
  const auto authorization = request.header("Authorization");
  if (authorization.starts_with(kBearer) &&
      auth::constant_time_equal(authorization.substr(kBearer.size()), token))
    return std::nullopt;
  auto response = error_response(Status::unauthorized, "A valid bearer token is required.");
  response.message.set(boost::beast::http::field::www_authenticate, "Bearer");
  return response;
}

http::Response no_store(http::Response response) {
  response.message.set(boost::beast::http::field::cache_control, "no-store");
  return response;
}

// Ready: every check by name. Not ready: the one error shape, its detail naming each failing
// check and why, e.g. "Not ready: database (unavailable: connection refused)."
http::Response readiness_response(const Readiness& readiness) {
  json::object checks;
  std::string failing;
  for (const auto& [name, state] : readiness.checks) {
    checks[name] = state;
    if (state != "ok") failing += (failing.empty() ? "" : "; ") + name + " (" + state + ")";
  }
  if (readiness.ready())
    return json_response(Status::ok, json::object{{"status", "ready"}, {"checks", checks}});
  return error_response(Status::service_unavailable, "Not ready: " + failing + ".");
}
}  // namespace

http::Response metrics_answer(const http::Request& request, const std::string& metrics_token) {
  if (auto refusal = refuse_scrape(request, metrics_token)) return std::move(*refusal);
  return no_store(http::make_response(Status::ok, metrics::process_registry().expose(),
                                      metrics::kExpositionContentType));
}

http::Response health_answer() {
  return no_store(json_response(Status::ok, json::object{{"status", "ok"}}));
}

void add_ops_routes(RouteTable& routes, Services& services) {
  routes.add(verb::get, "/metrics", [&services](http::Request& request) -> Awaitable {
    co_return metrics_answer(request, services.settings.metrics_token);
  });
  routes.add(verb::get, "/healthz", [](http::Request&) -> Awaitable { co_return health_answer(); });
  routes.add(verb::get, "/readyz", [&services](http::Request&) -> Awaitable {
    co_return no_store(readiness_response(co_await check_readiness(services)));
  });
}

}  // namespace nicecream::api

#pragma once

#include "api/common/route_table.hpp"
#include "api/services.hpp"

namespace nicecream::api {

// What operators and their tools ask: GET /metrics (Prometheus; a bearer token when
// API_METRICS_TOKEN is set, else loopback clients only), GET /healthz (the process serves) and
// GET /readyz (it can answer: database reachable, schema current, Redis connected if used).
void add_ops_routes(RouteTable& routes, Services& services);

// GET /metrics's answer: the process's metrics, or the refusal (see above).
http::Response metrics_answer(const http::Request& request, const std::string& metrics_token);
// GET /healthz's answer.
http::Response health_answer();

}  // namespace nicecream::api

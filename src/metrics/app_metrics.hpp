#pragma once

#include "metrics/registry.hpp"

namespace nicecream::metrics {

// Every metric the service exposes, by the names issue 14 gives them: one place to read them
// all. They live in the process's registry, made on first use; libraries count into them
// through `app()` (a process has one /metrics, so its registry is one per process).
struct AppMetrics {
  Family<Counter>& http_requests;            // {route, method, status}; route is the template
  Family<Histogram>& http_request_duration;  // {route}
  Family<Gauge>& sse_streams;
  Family<Counter>& sse_deliveries;
  Family<Counter>& sse_dropped;
  Family<Histogram>& live_item_age;         // at the live hub: recording and the bus
  Family<Histogram>& live_fanout_duration;  // from the hub to the last stream of a group
  Family<Gauge>& history_exports;           // GET /history/export downloads under way
  Family<Counter>& crawler_polls;           // {channel, result}
  Family<Histogram>& crawler_poll_duration;
  Family<Counter>& history_items;          // {channel}
  Family<Histogram>& store_call_duration;  // {engine}
  Family<Gauge>& blocking_pool_queue;
  Family<Counter>& push_deliveries;  // {result}: sent, failed, removed, dropped
  Family<Gauge>& build_info;         // {version}, always 1
};

Registry& process_registry();
AppMetrics& app();

// The label value of requests no route matched (static files, the web app, 404s): a raw path
// would give every mistyped address a series of its own.
inline constexpr const char* kUnmatchedRoute = "other";

}  // namespace nicecream::metrics

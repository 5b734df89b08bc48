#include "metrics/app_metrics.hpp"

namespace nicecream::metrics {

namespace {
// From a cached page (milliseconds) to a slow database call under load (seconds).
std::vector<double> request_seconds() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}
// A poll includes DNS and a station that answers slowly, up to the transfer timeout.
std::vector<double> poll_seconds() {
  return {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
}
// Store calls: an indexed read takes well under a millisecond on SQLite.
std::vector<double> store_seconds() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};
}
// An item's way to the live streams: a millisecond when idle, seconds for 100,000 streams.
std::vector<double> live_seconds() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
}

AppMetrics make(Registry& registry) {
  return {
      .http_requests = registry.counter("nicecream_http_requests_total",
                                        "HTTP requests answered, by route template",
                                        {"route", "method", "status"}),
      .http_request_duration = registry.histogram(
          "nicecream_http_request_duration_seconds",
          "Time from a request read to its answer written (event streams: their headers)",
          {"route"}, request_seconds()),
      .sse_streams = registry.gauge("nicecream_sse_streams", "Event streams open now"),
      .sse_deliveries = registry.counter("nicecream_sse_deliveries_total",
                                         "Events offered to the queue of an open stream"),
      .sse_dropped = registry.counter("nicecream_sse_dropped_total",
                                      "Streams closed because their client fell too far behind"),
      .live_item_age = registry.histogram(
          "nicecream_live_item_age_seconds",
          "Age of a history item (from its created_at) when this process's live hub receives it: "
          "its recording and the event bus",
          {}, live_seconds()),
      .live_fanout_duration = registry.histogram(
          "nicecream_live_fanout_duration_seconds",
          "Time from the live hub receiving an event to its last stream of one group offered it "
          "(one observation per group of streams)",
          {}, live_seconds()),
      .history_exports =
          registry.gauge("nicecream_history_exports", "History exports being streamed now"),
      .crawler_polls =
          registry.counter("nicecream_crawler_polls_total", "Station polls, by channel and result",
                           {"channel", "result"}),
      .crawler_poll_duration = registry.histogram("nicecream_crawler_poll_duration_seconds",
                                                  "Time a station poll took", {}, poll_seconds()),
      .history_items = registry.counter("nicecream_history_items_total",
                                        "History items recorded, by channel", {"channel"}),
      .store_call_duration = registry.histogram("nicecream_store_call_duration_seconds",
                                                "Time a store call took on the blocking pool",
                                                {"engine"}, store_seconds()),
      .blocking_pool_queue = registry.gauge("nicecream_blocking_pool_queue",
                                            "Blocking calls waiting for a pool thread"),
      .push_deliveries = registry.counter(
          "nicecream_push_deliveries_total",
          "Web Push messages by outcome: sent, failed (after retries), removed (the push service "
          "answered 404/410), dropped (the queue was full)",
          {"result"}),
      .build_info =
          registry.gauge("nicecream_build_info", "The running version (always 1)", {"version"}),
  };
}
}  // namespace

Registry& process_registry() {
  static Registry registry;
  return registry;
}

namespace {
// The series without labels exist from the start, at 0: a rate over a counter that appears
// only at its first event misses that event.
AppMetrics& with_unlabelled_series(AppMetrics& metrics) {
  metrics.sse_streams.with({});
  metrics.history_exports.with({});
  metrics.sse_deliveries.with({});
  metrics.sse_dropped.with({});
  metrics.live_item_age.with({});
  metrics.live_fanout_duration.with({});
  metrics.crawler_poll_duration.with({});
  metrics.blocking_pool_queue.with({});
  return metrics;
}
}  // namespace

AppMetrics& app() {
  static AppMetrics metrics = make(process_registry());
  static AppMetrics& ready = with_unlabelled_series(metrics);
  return ready;
}

}  // namespace nicecream::metrics

#include "api/history/history_export_routes.hpp"

#include <boost/beast/http/field.hpp>
#include <memory>

#include "api/common/responses.hpp"
#include "api/history/export_file_name.hpp"
#include "api/history/history_filters.hpp"
#include "http/event_stream.hpp"
#include "lifecycle/history_export.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::api {

namespace {

using lifecycle::ExportFormat;

struct ExportRequest {
  domain::HistoryQuery filters;
  ExportFormat format = ExportFormat::csv;
};

std::optional<ExportRequest> read_export_request(const http::Request& request,
                                                 domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {"format"}, kHistoryFilters);
  ExportRequest exported;
  exported.filters = read_history_filters(reader);
  const auto format = reader.one_of("format", {"csv", "ndjson"});
  if (format)
    exported.format = *lifecycle::parse_export_format(*format);
  else if (!request.query.contains("format"))
    reader.reject("format", std::string(domain::messages::required));
  errors = reader.errors();
  if (!errors.empty()) return std::nullopt;
  return exported;
}

// Batch after batch, each read on the blocking pool and written before the next is read: a slow
// client slows the reading (the write is awaited), one that leaves or a shutdown ends it.
boost::asio::awaitable<void> stream_export(Services& services, ExportRequest request,
                                           http::EventStream& stream) {
  const metrics::GaugeHold open(metrics::app().history_exports.with({}));
  auto stopped = std::make_shared<bool>(false);
  stream.on_shutdown([stopped] { *stopped = true; });
  auto names =
      co_await services.blocking.run([&] { return lifecycle::channel_names(services.store); });
  lifecycle::HistoryBatches batches(request.filters, request.format, std::move(names));
  if (!co_await stream.write(lifecycle::export_preamble(request.format))) co_return;
  while (!batches.done() && !*stopped) {
    auto batch = co_await services.blocking.run([&] { return batches.next_batch(services.store); });
    if (!co_await stream.write(std::move(batch))) co_return;
  }
}

boost::asio::awaitable<http::Response> export_history(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  auto exported = read_export_request(request, errors);
  if (!exported) co_return validation_response(errors);
  const bool csv = exported->format == ExportFormat::csv;
  auto response =
      http::make_response(Status::ok, "", csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
  const auto name = export_file_name(exported->filters, csv ? "csv" : "ndjson");
  response.message.set(boost::beast::http::field::content_disposition,
                       "attachment; filename=\"" + name + "\"");
  response.message.set(boost::beast::http::field::cache_control, "no-store");
  response.message.set("X-Accel-Buffering", "no");
  response.message.chunked(true);
  response.stream = [&services, exported = std::move(*exported)](http::EventStream& stream) {
    return stream_export(services, exported, stream);
  };
  co_return response;
}

}  // namespace

void add_history_export_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/history/export",
             [&services](http::Request& request) { return export_history(services, request); });
}

}  // namespace nicecream::api

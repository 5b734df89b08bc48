#include "api/live/live_routes.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/live/live_hub.hpp"
#include "api/live/live_stream.hpp"
#include "domain/validation.hpp"
#include "http/event_stream.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::api {

namespace {

constexpr std::size_t kQueueCapacity = 1024;
constexpr int kReplayLimit = 500;
constexpr auto kHeartbeat = std::chrono::seconds{15};

struct StreamRequest {
  std::optional<domain::Id> channel_id;
  std::optional<domain::Id> last_event_id;
  std::optional<domain::Id> user_id;  // signed in: their watch matches come too
};

std::optional<StreamRequest> read_stream_request(const http::Request& request,
                                                 domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {"channel_id", "last_event_id"});
  StreamRequest stream;
  stream.channel_id = read_channel_filter(reader);
  stream.last_event_id = reader.integer("last_event_id", {.min = 0});
  errors = reader.errors();
  const auto header = request.header("Last-Event-ID");
  if (!header.empty() && !stream.last_event_id)
    stream.last_event_id =
        domain::read_integer(header, {.min = 0}, "header", "Last-Event-ID", errors);
  if (!errors.empty()) return std::nullopt;
  return stream;
}

class LiveSession {
 public:
  LiveSession(Services& services, LiveHub& hub, StreamRequest request, http::EventStream& stream)
      : services_(services), hub_(hub), request_(request), stream_(stream) {}

  boost::asio::awaitable<void> run() {
    const metrics::GaugeHold open(metrics::app().sse_streams.with({}));
    auto queue =
        std::make_shared<LiveQueue>(stream_.executor(), request_.channel_id, kQueueCapacity,
                                    request_.user_id, stream_.direct_socket());
    // Subscribe before replaying, so nothing published in between is missed; duplicates are
    // skipped by id (LiveQueue::skip).
    auto membership = hub_.join(queue);
    // Before the connection may close its socket: no direct write may reach a reused descriptor.
    const CloseOnExit closing{*queue};
    stream_.on_shutdown([queue] { queue->close(); });
    if (!co_await stream_.write(": live\nretry: 3000\n\n")) co_return;
    if (request_.last_event_id && !co_await replay(*request_.last_event_id, *queue)) co_return;
    co_await forward(*queue);
  }

 private:
  struct CloseOnExit {
    LiveQueue& queue;
    ~CloseOnExit() { queue.close(); }
  };

  // The queue's writer until forward() lets go: live items wait behind the replay.
  boost::asio::awaitable<bool> replay(domain::Id after, LiveQueue& queue) {
    auto missed = co_await services_.blocking.run(
        [&] { return services_.store.history_after(after, request_.channel_id, kReplayLimit); });
    for (const auto& item : missed) {
      // The bus may deliver it again, since the subscription starts first. Not "id <= newest
      // replayed": with several crawlers ids may commit out of order.
      queue.skip(item.id);
      if (!co_await stream_.write(format_history_event(item, services_.settings.live_event_name)))
        co_return false;
    }
    co_return true;
  }

  // Writes what queued while this coroutine held the writer's role, then lets the hub write
  // directly until something queues again (a write the socket did not take in full), or the
  // heartbeat is due. A heartbeat is for a silent stream: when the hub wrote to it meanwhile, the
  // wait starts again instead (at most two periods of silence then), so live items every few
  // seconds cost no heartbeat writes, one per client every 15 s (bench/sse/hundred_thousand).
  boost::asio::awaitable<void> forward(LiveQueue& queue) {
    while (!queue.closed()) {
      // Whatever queued up meanwhile leaves in one write: a burst of items costs each client one
      // write (one syscall, one deadline, one wakeup), not one per item. bench/sse measures it.
      if (auto batch = queue.take_pending(); !batch.empty()) {
        if (!co_await stream_.write(std::move(batch))) co_return;
        continue;  // more may have arrived during the write
      }
      if (queue.overflowed()) {
        metrics::app().sse_dropped.with({}).add();
        spdlog::warn("live stream to {} dropped: it fell {} items behind", stream_.remote_address(),
                     kQueueCapacity);
        co_return;
      }
      if (!queue.release_writer()) continue;
      queue.wakeup().expires_after(kHeartbeat);
      auto [error] =
          co_await queue.wakeup().async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
      const bool written_meanwhile = queue.claim_writer();
      if (!error && !written_meanwhile && !co_await stream_.write(": heartbeat\n\n")) co_return;
    }
  }

  Services& services_;
  LiveHub& hub_;
  StreamRequest request_;
  http::EventStream& stream_;
};

boost::asio::awaitable<http::Response> open_stream(Services& services, StreamCounter& streams,
                                                   LiveHub& hub, http::Request& request) {
  domain::ValidationErrors errors;
  auto stream_request = read_stream_request(request, errors);
  if (!stream_request) co_return validation_response(errors);
  stream_request->user_id = services.signed_in_user(request);
  auto ticket = streams.acquire(request.remote_address);
  if (!ticket) {
    auto refused =
        error_response(Status::too_many_requests, "Too many open event streams from this address.");
    refused.message.set(boost::beast::http::field::retry_after, "30");
    co_return refused;
  }
  auto response = http::make_response(Status::ok, "", "text/event-stream");
  response.message.set(boost::beast::http::field::cache_control, "no-cache");
  response.message.set("X-Accel-Buffering", "no");
  // std::function needs a copyable callable; the ticket is held until the stream ends.
  auto held = std::make_shared<StreamCounter::Ticket>(std::move(*ticket));
  response.stream = [&services, &hub, stream_request = *stream_request,
                     held](http::EventStream& stream) -> boost::asio::awaitable<void> {
    LiveSession session(services, hub, stream_request, stream);
    co_await session.run();
  };
  co_return response;
}

}  // namespace

void add_live_routes(RouteTable& routes, Services& services, StreamCounter& streams, LiveHub& hub) {
  routes.add(boost::beast::http::verb::get, "/history/events",
             [&services, &streams, &hub](http::Request& request) {
               return open_stream(services, streams, hub, request);
             });
}

}  // namespace nicecream::api

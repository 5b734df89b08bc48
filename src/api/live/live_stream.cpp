#include "api/live/live_stream.hpp"

#include <boost/asio/post.hpp>
#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::api {

namespace {
// Looked up once: every event to every stream counts here.
metrics::Counter& delivered() {
  static auto& counter = metrics::app().sse_deliveries.with({});
  return counter;
}
}  // namespace

LiveEventPtr make_live_event(const domain::HistoryItem& item, std::string_view event_name) {
  return std::make_shared<const LiveEvent>(
      LiveEvent{item.id, item.channel_id, format_history_event(item, event_name)});
}

LiveEventPtr make_channel_event(const domain::Channel& channel,
                                const domain::ChannelStatus& status) {
  return std::make_shared<const LiveEvent>(LiveEvent{
      0, channel.id,
      "event: channel\ndata: " + boost::json::serialize(to_json(channel, status)) + "\n\n"});
}

LiveEventPtr make_watch_event(const domain::WatchMatch& match) {
  auto event = LiveEvent{0, match.item.channel_id,
                         "event: watch\ndata: " + boost::json::serialize(to_json(match)) + "\n\n"};
  event.user_id = match.user_id;
  return std::make_shared<const LiveEvent>(std::move(event));
}

LiveQueue::LiveQueue(boost::asio::any_io_executor executor, std::optional<domain::Id> channel_id,
                     std::size_t capacity, std::optional<domain::Id> user_id)
    : executor_(executor),
      channel_id_(channel_id),
      capacity_(capacity),
      user_id_(user_id),
      wakeup_(executor) {}

void LiveQueue::offer(LiveEventPtr event) {
  if (event->user_id != 0) {
    if (event->user_id != user_id_) return;
  } else if (channel_id_ && event->channel_id != *channel_id_) {
    return;
  }
  boost::asio::post(executor_, [self = shared_from_this(), event = std::move(event)]() mutable {
    self->push(std::move(event));
  });
}

void LiveQueue::push(LiveEventPtr event) {
  if (closed_) return;
  if (events_.size() >= capacity_) {
    overflowed_ = true;
  } else {
    events_.push_back(std::move(event));
    delivered().add();
  }
  wakeup_.cancel();
}

LiveEventPtr LiveQueue::take() {
  if (events_.empty()) return nullptr;
  auto event = std::move(events_.front());
  events_.pop_front();
  return event;
}

void LiveQueue::close() {
  closed_ = true;
  wakeup_.cancel();
}

std::string format_history_event(const domain::HistoryItem& item, std::string_view event_name) {
  auto json = to_json(item);
  json["bookmark_id"] = 0;  // events go to everyone; bookmarks are per user
  return "id: " + std::to_string(item.id) + "\nevent: " + std::string(event_name) +
         "\ndata: " + boost::json::serialize(json) + "\nretry: 3000\n\n";
}

}  // namespace nicecream::api

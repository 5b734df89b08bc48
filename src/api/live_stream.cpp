#include "api/live_stream.hpp"

#include <boost/asio/post.hpp>
#include <boost/json/serialize.hpp>

#include "api/json_views.hpp"

namespace nicecream::api {

LiveQueue::LiveQueue(boost::asio::any_io_executor executor, std::optional<domain::Id> channel_id,
                     std::size_t capacity)
    : executor_(executor), channel_id_(channel_id), capacity_(capacity), wakeup_(executor) {}

void LiveQueue::offer(const domain::HistoryItem& item) {
  if (channel_id_ && item.channel_id != *channel_id_) return;
  boost::asio::post(executor_, [self = shared_from_this(), item] { self->push(item); });
}

void LiveQueue::push(const domain::HistoryItem& item) {
  if (closed_) return;
  if (items_.size() >= capacity_) {
    overflowed_ = true;
  } else {
    items_.push_back(item);
  }
  wakeup_.cancel();
}

std::optional<domain::HistoryItem> LiveQueue::take() {
  if (items_.empty()) return std::nullopt;
  auto item = std::move(items_.front());
  items_.pop_front();
  return item;
}

void LiveQueue::close() {
  closed_ = true;
  wakeup_.cancel();
}

std::string format_history_event(const domain::HistoryItem& item) {
  auto json = to_json(item);
  json["bookmark_id"] = 0;  // events go to everyone; bookmarks are per user
  return "id: " + std::to_string(item.id) +
         "\nevent: history\ndata: " + boost::json::serialize(json) + "\nretry: 3000\n\n";
}

}  // namespace nicecream::api

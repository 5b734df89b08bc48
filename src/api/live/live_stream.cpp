#include "api/live/live_stream.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/post.hpp>
#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"
#include "http/send_now.hpp"
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

LiveEventPtr make_channel_event(const events::ChannelEvent& change) {
  const auto data = change.removed
                        ? boost::json::object{{"id", change.channel.id}, {"removed", true}}
                        : to_json(change.channel, change.status);
  return std::make_shared<const LiveEvent>(LiveEvent{
      0, change.channel.id, "event: channel\ndata: " + boost::json::serialize(data) + "\n\n"});
}

LiveEventPtr make_watch_event(const domain::WatchMatch& match) {
  auto event = LiveEvent{0, match.item.channel_id,
                         "event: watch\ndata: " + boost::json::serialize(to_json(match)) + "\n\n"};
  event.user_id = match.user_id;
  return std::make_shared<const LiveEvent>(std::move(event));
}

LiveQueue::LiveQueue(boost::asio::any_io_executor executor, std::optional<domain::Id> channel_id,
                     std::size_t capacity, std::optional<domain::Id> user_id, int direct_socket)
    : executor_(executor),
      channel_id_(channel_id),
      capacity_(capacity),
      user_id_(user_id),
      direct_socket_(direct_socket),
      wakeup_(executor) {}

bool LiveQueue::wanted(const LiveEvent& event) const {
  if (event.user_id != 0) return event.user_id == user_id_;
  return !channel_id_ || event.channel_id == *channel_id_;
}

void LiveQueue::offer(std::span<const LiveEventPtr> events) {
  std::array<const LiveEventPtr*, kMostOffered> mine{};
  std::size_t count = 0;
  for (const auto& event : events.first(std::min(events.size(), kMostOffered)))
    if (wanted(*event)) mine[count++] = &event;
  if (count == 0) return;
  std::lock_guard lock(mutex_);
  if (closed_) return;
  if (!skipped_.empty()) {
    const auto end = std::remove_if(mine.begin(), mine.begin() + count, [&](const auto* event) {
      return (*event)->id != 0 && skipped_.contains((*event)->id);
    });
    count = static_cast<std::size_t>(end - mine.begin());
    if (count == 0) return;
  }
  const std::span<const LiveEventPtr* const> offered(mine.data(), count);
  // Straight to the socket only when nothing is ahead of them: the order stays the publication's.
  if (writing_ || !events_.empty() || direct_socket_ < 0) {
    for (const auto* event : offered) queue(*event);
  } else {
    write_or_queue(offered);
  }
}

void LiveQueue::write_or_queue(std::span<const LiveEventPtr* const> events) {
  std::array<std::string_view, kMostOffered> texts{};
  for (std::size_t i = 0; i < events.size(); ++i) texts[i] = (*events[i])->text;
  const auto result = http::send_now(direct_socket_, std::span(texts.data(), events.size()));
  if (result.failed) {
    close_locked();
    return;
  }
  auto sent = result.sent;
  if (sent > 0) written_while_released_ = true;
  auto unsent = events.begin();
  for (; unsent != events.end() && sent >= (**unsent)->text.size(); ++unsent) {
    sent -= (**unsent)->text.size();
    delivered().add();
  }
  if (unsent == events.end()) return;
  if (sent > 0) {  // the socket took part of one: its rest goes first, through the coroutine
    const auto& partly = **unsent;
    queue(std::make_shared<const LiveEvent>(
        LiveEvent{0, partly->channel_id, partly->text.substr(sent)}));
    ++unsent;
  }
  for (; unsent != events.end(); ++unsent) queue(**unsent);
}

void LiveQueue::queue(LiveEventPtr event) {
  if (events_.size() >= capacity_) {
    overflowed_ = true;
  } else {
    events_.push_back(std::move(event));
    delivered().add();
  }
  if (!writing_) wake();
}

// Cancels the coroutine's wait, on its strand; once until it has run.
void LiveQueue::wake() {
  if (wake_posted_) return;
  wake_posted_ = true;
  boost::asio::post(executor_, [self = shared_from_this()] {
    {
      std::lock_guard lock(self->mutex_);
      self->wake_posted_ = false;
    }
    self->wakeup_.cancel();
  });
}

// skipped_ changes only on the strand (skip()), so reading it here, on the strand, needs no lock.
std::string LiveQueue::take_pending() {
  std::vector<LiveEventPtr> taken;
  {
    std::lock_guard lock(mutex_);
    taken.swap(events_);
  }
  std::string batch;
  for (const auto& event : taken)
    if (event->id == 0 || !skipped_.contains(event->id)) batch += event->text;
  return batch;
}

bool LiveQueue::release_writer() {
  std::lock_guard lock(mutex_);
  if (!events_.empty() || closed_) return false;
  writing_ = false;
  written_while_released_ = false;
  return true;
}

bool LiveQueue::claim_writer() {
  std::lock_guard lock(mutex_);
  writing_ = true;
  return written_while_released_;
}

void LiveQueue::skip(domain::Id id) {
  std::lock_guard lock(mutex_);
  skipped_.insert(id);
}

bool LiveQueue::overflowed() const {
  std::lock_guard lock(mutex_);
  return overflowed_;
}

bool LiveQueue::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void LiveQueue::close() {
  std::lock_guard lock(mutex_);
  close_locked();
}

void LiveQueue::close_locked() {
  if (closed_) return;
  closed_ = true;
  wake();
}

std::string format_history_event(const domain::HistoryItem& item, std::string_view event_name) {
  auto json = to_json(item);
  json["bookmark_id"] = 0;  // events go to everyone; bookmarks are per user
  return "id: " + std::to_string(item.id) + "\nevent: " + std::string(event_name) +
         "\ndata: " + boost::json::serialize(json) + "\nretry: 3000\n\n";
}

}  // namespace nicecream::api

#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/channel_status.hpp"
#include "domain/models.hpp"
#include "domain/watch.hpp"

namespace nicecream::api {

// One history item (or channel status change) as live clients receive it: formatted once, shared
// by every stream.
struct LiveEvent {
  domain::Id id = 0;  // the history id; 0 for a `channel` event, which has none
  domain::Id channel_id = 0;
  std::string text;        // the SSE wire format
  domain::Id user_id = 0;  // a watch match's owner: only their streams get it; 0: everyone
};
using LiveEventPtr = std::shared_ptr<const LiveEvent>;

LiveEventPtr make_live_event(const domain::HistoryItem& item, std::string_view event_name);
// `event: channel`, data: the channel with its status; no `id:`, so Last-Event-ID keeps naming
// the last history item.
LiveEventPtr make_channel_event(const domain::Channel& channel,
                                const domain::ChannelStatus& status);

// `event: watch`, data {watch_id, kind, value, item} (issue 15), for the match's owner only,
// whatever channel their stream follows; no `id:`, like channel events.
LiveEventPtr make_watch_event(const domain::WatchMatch& match);

// One SSE client's pending events. Filled from the hub (posted onto the client's strand), drained
// by the client's coroutine; bounded, so a client that cannot keep up is dropped instead of
// slowing anyone else.
class LiveQueue : public std::enable_shared_from_this<LiveQueue> {
 public:
  // `user_id`: the signed-in user of the stream, who also gets their watch matches.
  LiveQueue(boost::asio::any_io_executor executor, std::optional<domain::Id> channel_id,
            std::size_t capacity, std::optional<domain::Id> user_id = std::nullopt);

  // Thread-safe: hands the event over to the client's strand (if it is on the client's channel).
  void offer(LiveEventPtr event);
  // On the strand:
  LiveEventPtr take();
  bool overflowed() const { return overflowed_; }
  void close();
  bool closed() const { return closed_; }
  boost::asio::steady_timer& wakeup() { return wakeup_; }

 private:
  void push(LiveEventPtr event);

  boost::asio::any_io_executor executor_;
  std::optional<domain::Id> channel_id_;
  std::size_t capacity_;
  std::optional<domain::Id> user_id_;
  std::deque<LiveEventPtr> events_;
  boost::asio::steady_timer wakeup_;
  bool overflowed_ = false;
  bool closed_ = false;
};

// The SSE wire format of one history event, under `event_name` (Settings::live_event_name).
std::string format_history_event(const domain::HistoryItem& item, std::string_view event_name);

}  // namespace nicecream::api

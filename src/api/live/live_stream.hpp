#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "domain/channel_status.hpp"
#include "domain/models.hpp"
#include "domain/watch.hpp"
#include "events/bus.hpp"
#include "http/send_now.hpp"

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
// `event: channel`, data: the channel with its status, or {id, removed: true} for a channel that
// is gone; no `id:`, so Last-Event-ID keeps naming the last history item.
LiveEventPtr make_channel_event(const events::ChannelEvent& change);

// `event: watch`, data {watch_id, kind, value, item} (issue 15), for the match's owner only,
// whatever channel their stream follows; no `id:`, like channel events.
LiveEventPtr make_watch_event(const domain::WatchMatch& match);

// One SSE client's pending events: offered by the hub from any thread, drained by the client's
// coroutine on its strand. The coroutine holds the writer's role while it writes (the replay,
// heartbeats, what queued up); while it waits, the events for it are written to the socket at once
// on the hub's thread: one sendmsg(2) per client and offer, as an nginx worker walks its
// subscribers, instead of a post, a timer wake-up and a copy per client (bench/sse). The hub
// offers the events that gathered while it walked as one batch. Only what the socket does not
// take queues and wakes the coroutine. Bounded, so a client that cannot keep up is dropped
// instead of slowing anyone else. The coroutine starts as the writer.
class LiveQueue : public std::enable_shared_from_this<LiveQueue> {
 public:
  // `user_id`: the signed-in user of the stream, who also gets their watch matches.
  // `direct_socket`: where the hub may write while the coroutine waits (EventStream::
  // direct_socket); -1: everything goes through the coroutine.
  LiveQueue(boost::asio::any_io_executor executor, std::optional<domain::Id> channel_id,
            std::size_t capacity, std::optional<domain::Id> user_id = std::nullopt,
            int direct_socket = -1);

  // The most events one offer may hold.
  static constexpr std::size_t kMostOffered = http::kMostSentPieces;

  // Thread-safe: writes the events or queues them, in their order (those for this client at all).
  void offer(std::span<const LiveEventPtr> events);

  // On the strand, by the writer:
  // The queued events' text, back to back.
  std::string take_pending();
  // Gives up the writer's role before waiting on wakeup(); false (still the writer) when events
  // queued meanwhile.
  bool release_writer();
  // Takes the writer's role back; true when the hub wrote to the socket while it was given up: a
  // stream that was not silent needs no heartbeat yet.
  bool claim_writer();
  // An item the replay sent: never again, whichever way it comes.
  void skip(domain::Id id);

  // Thread-safe:
  bool overflowed() const;
  bool closed() const;
  // No more writes (the descriptor may close after this returns); wakes the coroutine.
  void close();
  boost::asio::any_io_executor executor() const { return executor_; }
  int socket() const { return direct_socket_; }

  // On the strand: the coroutine waits here between writes.
  boost::asio::steady_timer& wakeup() { return wakeup_; }

 private:
  bool wanted(const LiveEvent& event) const;
  void write_or_queue(std::span<const LiveEventPtr* const> events);
  void queue(LiveEventPtr event);
  void wake();
  void close_locked();  // with mutex_ held

  boost::asio::any_io_executor executor_;
  const std::optional<domain::Id> channel_id_;
  const std::size_t capacity_;
  const std::optional<domain::Id> user_id_;
  const int direct_socket_;
  boost::asio::steady_timer wakeup_;

  mutable std::mutex mutex_;  // guards everything below
  std::vector<LiveEventPtr> events_;
  std::unordered_set<domain::Id> skipped_;
  bool writing_ = true;
  bool written_while_released_ = false;
  bool wake_posted_ = false;
  bool overflowed_ = false;
  bool closed_ = false;
};

// The SSE wire format of one history event, under `event_name` (Settings::live_event_name).
std::string format_history_event(const domain::HistoryItem& item, std::string_view event_name);

}  // namespace nicecream::api

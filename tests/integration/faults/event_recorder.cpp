#include "event_recorder.hpp"

namespace nicecream::testing {

namespace {
constexpr auto kPollEvery = std::chrono::milliseconds{500};
}

EventRecorder::EventRecorder(std::uint16_t port, std::string event_name)
    : stream_(port, "/history/events"),
      event_name_(std::move(event_name)),
      reader_([this](std::stop_token stop) { read_until_the_end(stop); }) {}

EventRecorder::~EventRecorder() {
  reader_.request_stop();
  if (reader_.joinable()) reader_.join();
}

std::vector<Item> EventRecorder::items() const {
  std::lock_guard lock(mutex_);
  return items_;
}

std::size_t EventRecorder::count() const {
  std::lock_guard lock(mutex_);
  return items_.size();
}

bool EventRecorder::ended() const {
  std::lock_guard lock(mutex_);
  return ended_;
}

bool EventRecorder::wait_for(std::size_t count, std::chrono::milliseconds limit) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, limit, [&] { return items_.size() >= count || ended_; });
  return items_.size() >= count;
}

void EventRecorder::read_until_the_end(std::stop_token stop) {
  while (!stop.stop_requested()) {
    const auto asked = std::chrono::steady_clock::now();
    const auto event = stream_.next_event(kPollEvery);
    if (!event) {
      // next_event gives up early only when the connection is gone; otherwise it waited.
      if (std::chrono::steady_clock::now() - asked < kPollEvery / 2) break;
      continue;
    }
    if (!event->contains("data") || event->count("event") == 0 || event->at("event") != event_name_)
      continue;
    auto item = item_from_json(event->at("data"));
    {
      std::lock_guard lock(mutex_);
      items_.push_back(std::move(item));
    }
    changed_.notify_all();
  }
  {
    std::lock_guard lock(mutex_);
    ended_ = true;
  }
  changed_.notify_all();
}

}  // namespace nicecream::testing

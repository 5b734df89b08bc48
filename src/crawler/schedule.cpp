#include "crawler/schedule.hpp"

#include <iterator>
#include <set>

namespace nicecream::crawler {

void Schedule::replace_channels(const std::vector<domain::Channel>& channels,
                                Clock::time_point now) {
  std::set<domain::Id> held;
  for (const auto& channel : channels) {
    held.insert(channel.id);
    auto [entry, added] = channels_.try_emplace(channel.id);
    auto& scheduled = entry->second;
    const bool source_changed =
        !added &&
        (scheduled.channel.url != channel.url || scheduled.channel.format != channel.format ||
         scheduled.channel.title_pointer != channel.title_pointer);
    scheduled.channel = channel;
    if (added || source_changed) set_due(scheduled, now);
  }
  for (auto entry = channels_.begin(); entry != channels_.end();) {
    const auto next = std::next(entry);
    if (!held.contains(entry->first)) drop(entry);
    entry = next;
  }
}

std::vector<ScheduledChannel*> Schedule::take_due(Clock::time_point now, std::size_t limit) {
  std::vector<ScheduledChannel*> due;
  while (due.size() < limit && !idle_by_due_.empty() && idle_by_due_.begin()->first <= now) {
    auto& scheduled = channels_.at(idle_by_due_.begin()->second);
    idle_by_due_.erase(idle_by_due_.begin());
    scheduled.started = now;
    due.push_back(&scheduled);
  }
  return due;
}

void Schedule::finish(ScheduledChannel& scheduled, Clock::time_point due_again) {
  set_due(scheduled, due_again);
  if (scheduled.started) idle_by_due_.emplace(due_again, scheduled.channel.id);
  scheduled.started.reset();
}

std::optional<Clock::time_point> Schedule::next_due() const {
  if (idle_by_due_.empty()) return std::nullopt;
  return idle_by_due_.begin()->first;
}

// An idle channel moves in the index; one in flight is indexed again when it finishes.
void Schedule::set_due(ScheduledChannel& scheduled, Clock::time_point due) {
  const auto id = scheduled.channel.id;
  if (!scheduled.started) {
    idle_by_due_.erase({scheduled.next_due, id});
    idle_by_due_.emplace(due, id);
  }
  scheduled.next_due = due;
}

void Schedule::drop(std::map<domain::Id, ScheduledChannel>::iterator entry) {
  if (!entry->second.started) idle_by_due_.erase({entry->second.next_due, entry->first});
  channels_.erase(entry);
}

ScheduledChannel* Schedule::find(domain::Id channel_id) {
  const auto found = channels_.find(channel_id);
  return found == channels_.end() ? nullptr : &found->second;
}

}  // namespace nicecream::crawler

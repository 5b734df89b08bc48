#include "crawler/schedule.hpp"

#include <algorithm>
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
    if (added || source_changed) scheduled.next_due = now;
    scheduled.channel = channel;
  }
  std::erase_if(channels_, [&](const auto& entry) { return !held.contains(entry.first); });
}

std::vector<ScheduledChannel*> Schedule::take_due(Clock::time_point now, std::size_t limit) {
  std::vector<ScheduledChannel*> due;
  for (auto& [id, scheduled] : channels_)
    if (!scheduled.started && scheduled.next_due <= now) due.push_back(&scheduled);
  std::sort(due.begin(), due.end(),
            [](const auto* a, const auto* b) { return a->next_due < b->next_due; });
  if (due.size() > limit) due.resize(limit);
  for (auto* scheduled : due) scheduled->started = now;
  return due;
}

std::optional<Clock::time_point> Schedule::next_due() const {
  std::optional<Clock::time_point> earliest;
  for (const auto& [id, scheduled] : channels_)
    if (!scheduled.started && (!earliest || scheduled.next_due < *earliest))
      earliest = scheduled.next_due;
  return earliest;
}

ScheduledChannel* Schedule::find(domain::Id channel_id) {
  const auto found = channels_.find(channel_id);
  return found == channels_.end() ? nullptr : &found->second;
}

}  // namespace nicecream::crawler

#include "crawler/status_writer.hpp"

#include <spdlog/spdlog.h>

#include <vector>

namespace nicecream::crawler {

void StatusWriter::record(ScheduledChannel& scheduled, std::string_view reason) {
  const domain::PollOutcome outcome{scheduled.channel.id, domain::now(), std::string(reason)};
  if (scheduled.stored_outcome == reason) {
    unflushed_[outcome.channel_id] = outcome;
    return;
  }
  const auto changed = store_.record_poll_outcome(outcome);
  scheduled.stored_outcome = outcome.error;
  unflushed_.erase(outcome.channel_id);
  if (!changed) return;
  try {
    on_change_(scheduled.channel, *changed);
  } catch (const std::exception& error) {
    spdlog::error("crawler: channel {}: status recorded but not published: {}",
                  scheduled.channel.name, error.what());
  }
}

void StatusWriter::flush() {
  std::vector<domain::PollOutcome> polls;
  polls.reserve(unflushed_.size());
  for (const auto& [id, poll] : unflushed_) polls.push_back(poll);
  store_.record_polls(polls);
  unflushed_.clear();
}

}  // namespace nicecream::crawler

#include "crawler/recorder.hpp"

#include <spdlog/spdlog.h>

#include "crawler/poll_metrics.hpp"
#include "domain/timestamp.hpp"
#include "store/errors.hpp"

namespace nicecream::crawler {

RecordResult Recorder::record(const domain::Channel& channel, std::string_view title) {
  store::RecordOutcome outcome;
  try {
    outcome = store_.record_title(channel.id, title, domain::now());
  } catch (const store::Unavailable& error) {
    return {RecordResult::Kind::store_unavailable, error.what()};
  }
  if (!outcome.inserted) return {RecordResult::Kind::unchanged, {}};
  count_recorded(channel);
  spdlog::debug("crawler: channel {} now plays \"{}\" (history {})", channel.name, title,
                outcome.inserted->id);
  try {
    bus_.publish(*outcome.inserted);
  } catch (const std::exception& error) {
    spdlog::error("crawler: channel {}: history {} recorded but not published: {}", channel.name,
                  outcome.inserted->id, error.what());
  }
  notify_watches(channel, *outcome.inserted);
  return {RecordResult::Kind::inserted, {}};
}

void Recorder::notify_watches(const domain::Channel& channel, const domain::HistoryItem& item) {
  std::vector<domain::WatchMatch> matches;
  try {
    matches = store_.claim_watch_matches(item);
  } catch (const std::exception& error) {
    spdlog::error("crawler: channel {}: history {} recorded but its watches not claimed: {}",
                  channel.name, item.id, error.what());
    return;
  }
  if (matches.empty()) return;
  spdlog::debug("crawler: history {} matched {} watch(es)", item.id, matches.size());
  for (const auto& listener : match_listeners_) {
    try {
      listener(matches);
    } catch (const std::exception& error) {
      spdlog::error("crawler: history {}: a watch listener failed: {}", item.id, error.what());
    }
  }
}

}  // namespace nicecream::crawler

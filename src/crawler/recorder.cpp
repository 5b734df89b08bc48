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
  return {RecordResult::Kind::inserted, {}};
}

}  // namespace nicecream::crawler

#include "poll_tally.hpp"

#include "metrics/app_metrics.hpp"

namespace nicecream::bench {

PollTally tally_polls() {
  PollTally tally;
  metrics::app().crawler_polls.each([&](const auto& labels, const metrics::Counter& polls) {
    (labels.at(1) == "ok" ? tally.ok : tally.failed) += polls.value();
  });
  return tally;
}

PollTimes poll_times() {
  const auto snapshot = metrics::app().crawler_poll_duration.with({}).snapshot();
  return {snapshot.cumulative.back(), snapshot.sum};
}

}  // namespace nicecream::bench

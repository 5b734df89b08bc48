#include "crawler/poll_metrics.hpp"

#include "metrics/app_metrics.hpp"

namespace nicecream::crawler {

void count_poll(const ScheduledChannel& scheduled, std::string_view result) {
  auto& metrics = metrics::app();
  metrics.crawler_polls.with({scheduled.channel.name, result}).add();
  if (scheduled.started)
    metrics.crawler_poll_duration.with({}).observe(
        std::chrono::duration<double>(Clock::now() - *scheduled.started).count());
}

void count_recorded(const domain::Channel& channel) {
  metrics::app().history_items.with({channel.name}).add();
}

}  // namespace nicecream::crawler

#pragma once

#include <string_view>

#include "crawler/schedule.hpp"

namespace nicecream::crawler {

// nicecream_crawler_polls_total{channel, result} and the poll's duration (since its fetch
// started, when one did). Results: "ok", "failed".
void count_poll(const ScheduledChannel& scheduled, std::string_view result);
// nicecream_history_items_total{channel}
void count_recorded(const domain::Channel& channel);

}  // namespace nicecream::crawler

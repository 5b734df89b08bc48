#pragma once

#include "crawler/crawler.hpp"
#include "domain/channel_probe.hpp"
#include "domain/models.hpp"

namespace nicecream::crawler {

// Reads a channel's source once, as a poll would: the crawler's fetcher, limits and private
// address guard, its format detection and title parsing. Blocks for up to the request timeout
// (callers on I/O threads go through the blocking pool); never throws for a station's failure.
domain::ProbeOutcome probe_channel(const CrawlerSettings& settings, const domain::Channel& channel);

}  // namespace nicecream::crawler

#pragma once

#include "crawler/crawler.hpp"
#include "crawler/fetch_types.hpp"
#include "crawler/sources/read_title.hpp"
#include "crawler/sources/title_normaliser.hpp"

namespace nicecream::crawler {

// How the crawler reads a channel, shared by its polls and the one-off probe (probe.hpp), so
// both fetch and parse alike. The spec views the channel's strings: keep the channel alive.
sources::SourceSpec source_of(const domain::Channel& channel);
FetchLimits limits_of(const CrawlerSettings& settings);
sources::TitleNormaliser normaliser_of(const CrawlerSettings& settings);

}  // namespace nicecream::crawler

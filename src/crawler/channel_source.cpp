#include "crawler/channel_source.hpp"

#include "domain/source_format.hpp"

namespace nicecream::crawler {

sources::SourceSpec source_of(const domain::Channel& channel) {
  const auto format =
      domain::parse_source_format(channel.format).value_or(domain::SourceFormat::automatic);
  return {format, channel.url, channel.title_pointer};
}

FetchLimits limits_of(const CrawlerSettings& settings) {
  return {.user_agent = settings.user_agent,
          .timeout = settings.request_timeout,
          .max_body_bytes = settings.max_body_bytes,
          .allow_private_targets = settings.allow_private_targets};
}

sources::TitleNormaliser normaliser_of(const CrawlerSettings& settings) {
  if (settings.idle_placeholders.empty()) return sources::TitleNormaliser{};
  return sources::TitleNormaliser{settings.idle_placeholders};
}

}  // namespace nicecream::crawler

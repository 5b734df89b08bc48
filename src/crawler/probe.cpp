#include "crawler/probe.hpp"

#include "crawler/channel_source.hpp"
#include "crawler/failure_reason.hpp"
#include "crawler/fetcher.hpp"
#include "domain/source_format.hpp"

namespace nicecream::crawler {

namespace {

// The transfer ends by its own timeout; the margin only keeps a lost wake-up from hanging here.
FetchResponse fetch_once(const CrawlerSettings& settings, const FetchRequest& request) {
  Fetcher fetcher(limits_of(settings));
  fetcher.start(request);
  const auto give_up = std::chrono::steady_clock::now() + settings.request_timeout * 2;
  while (std::chrono::steady_clock::now() < give_up) {
    auto done = fetcher.wait(give_up);
    if (!done.empty()) return std::move(done.front());
  }
  FetchResponse lost;
  lost.channel_id = request.channel_id;
  lost.error = "timeout";
  return lost;
}

domain::ProbeOutcome failure(std::string reason) {
  domain::ProbeOutcome outcome;
  outcome.error = std::move(reason);
  return outcome;
}

}  // namespace

domain::ProbeOutcome probe_channel(const CrawlerSettings& settings,
                                   const domain::Channel& channel) {
  const auto source = source_of(channel);
  const auto response =
      fetch_once(settings, {channel.id, channel.url, sources::wants_icy_metadata(source)});
  if (response.failed()) return failure(response.error);
  const sources::Answer answer{response.content_type, response.icy_metaint, response.body};
  const auto reading = sources::read_title(source, answer, normaliser_of(settings));
  if (reading.failed()) return failure(std::string(kNoTitleReason));
  const auto format = sources::resolve_format(source, answer).value_or(source.format);
  return {std::string(domain::to_string(format)), reading.title, {}};
}

}  // namespace nicecream::crawler

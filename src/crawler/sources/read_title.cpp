#include "crawler/sources/read_title.hpp"

#include "crawler/sources/format_detection.hpp"
#include "crawler/sources/icecast.hpp"
#include "crawler/sources/icy.hpp"
#include "crawler/sources/json_pointer.hpp"
#include "crawler/sources/shoutcast.hpp"
#include "crawler/sources/voscast.hpp"

namespace nicecream::crawler::sources {

namespace {
using domain::SourceFormat;

ParseResult parse_raw(SourceFormat format, const SourceSpec& spec, const Answer& answer) {
  switch (format) {
    case SourceFormat::voscast:
      return parse_voscast(answer.body);
    case SourceFormat::icecast:
      return parse_icecast_status(answer.body, icecast_mount_from_url(spec.url));
    case SourceFormat::shoutcast_v2:
      return parse_shoutcast_v2(answer.body);
    case SourceFormat::shoutcast_v1:
      return parse_shoutcast_v1(answer.body);
    case SourceFormat::json:
      return parse_json_pointer(answer.body, spec.title_pointer);
    case SourceFormat::icy:
      if (!answer.icy_metaint)
        return ParseResult::failure("no icy-metaint: the server sent no in-stream metadata");
      return parse_icy_stream(answer.body, *answer.icy_metaint);
    case SourceFormat::automatic:
      break;
  }
  return ParseResult::failure("unknown source format");
}
}  // namespace

std::optional<SourceFormat> resolve_format(const SourceSpec& spec, const Answer& answer) {
  if (spec.format != SourceFormat::automatic) return spec.format;
  // An ICY stream answers any URL; the URL's hint only applies to documents.
  if (answer.icy_metaint) return SourceFormat::icy;
  if (auto from_url = format_from_url(spec.url)) return from_url;
  return format_from_answer(answer.content_type, answer.icy_metaint.has_value(), answer.body);
}

bool wants_icy_metadata(const SourceSpec& spec) {
  return spec.format == SourceFormat::icy ||
         (spec.format == SourceFormat::automatic && !format_from_url(spec.url));
}

ParseResult read_title(const SourceSpec& spec, const Answer& answer,
                       const TitleNormaliser& normaliser) {
  const auto format = resolve_format(spec, answer);
  if (!format) return ParseResult::failure("cannot tell the source format from the URL or answer");
  auto result = parse_raw(*format, spec, answer);
  if (!result.has_title()) return result;
  if (auto title = normaliser.normalise(*result.title))
    return ParseResult::found(std::move(*title));
  return ParseResult::no_song();
}

}  // namespace nicecream::crawler::sources

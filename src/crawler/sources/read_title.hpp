#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "crawler/sources/parse_result.hpp"
#include "crawler/sources/title_normaliser.hpp"
#include "domain/source_format.hpp"

namespace nicecream::crawler::sources {

// Where a channel's title comes from, as the channel row says.
struct SourceSpec {
  domain::SourceFormat format = domain::SourceFormat::automatic;
  std::string_view url;
  std::string_view title_pointer;  // for json
};

// A station's answer, as fetched (status already checked).
struct Answer {
  std::string_view content_type;
  std::optional<std::size_t> icy_metaint;  // set when the server streams ICY metadata
  std::string_view body;                   // for ICY: the stream bytes read so far
};

// The channel's own format, else the one its URL or answer gives away.
std::optional<domain::SourceFormat> resolve_format(const SourceSpec& spec, const Answer& answer);

// Whether to ask for ICY in-stream metadata: the channel says icy, or its URL does not say what
// it is (an answer without a stream simply ignores the request header).
bool wants_icy_metadata(const SourceSpec& spec);

// The normalised title the answer carries: the one entry point from bytes to a title.
ParseResult read_title(const SourceSpec& spec, const Answer& answer,
                       const TitleNormaliser& normaliser);

}  // namespace nicecream::crawler::sources

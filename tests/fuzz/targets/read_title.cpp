// The crawler's one entry point from an answer to a title: format detection, the format's
// parser, the normaliser. Lines: source format (auto, voscast, ...), channel URL, Content-Type,
// icy-metaint (empty: none), title pointer; then the body.
#include "crawler/sources/read_title.hpp"

#include <charconv>

#include "support/check.hpp"
#include "support/input.hpp"
#include "support/normalised_title.hpp"

using namespace nicecream;

namespace {

std::optional<std::size_t> read_metaint(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crawler::sources::TitleNormaliser normaliser;
  const auto format = fuzz::split_first_line(fuzz::as_text(data, size));
  const auto url = fuzz::split_first_line(format.rest);
  const auto content_type = fuzz::split_first_line(url.rest);
  const auto metaint = fuzz::split_first_line(content_type.rest);
  const auto pointer = fuzz::split_first_line(metaint.rest);

  const crawler::sources::SourceSpec spec{
      .format = domain::parse_source_format(format.first).value_or(domain::SourceFormat::automatic),
      .url = url.first,
      .title_pointer = pointer.first,
  };
  const crawler::sources::Answer answer{
      .content_type = content_type.first,
      .icy_metaint = read_metaint(metaint.first),
      .body = pointer.rest,
  };
  crawler::sources::wants_icy_metadata(spec);
  const auto result = crawler::sources::read_title(spec, answer, normaliser);
  fuzz::require(!(result.failed() && result.has_title()), "a failure carries no title");
  if (result.has_title()) fuzz::require_normalised_title(*result.title);
  return 0;
}

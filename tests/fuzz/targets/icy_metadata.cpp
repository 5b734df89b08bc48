// One ICY metadata block: StreamTitle='...';StreamUrl='...'; NUL padded.
#include "crawler/sources/icy.hpp"
#include "crawler/sources/unicode_text.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto result = crawler::sources::parse_icy_metadata(fuzz::as_text(data, size));
  fuzz::require(!(result.failed() && result.has_title()), "a failure carries no title");
  if (result.has_title())
    fuzz::require(crawler::sources::is_valid_utf8(*result.title),
                  "ICY titles come out as UTF-8 (Latin-1 converted)");
  return 0;
}

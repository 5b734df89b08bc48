// A voscast display.js answer, then the normaliser, as the crawler reads it.
#include "crawler/sources/voscast.hpp"

#include "crawler/sources/title_normaliser.hpp"
#include "support/check.hpp"
#include "support/input.hpp"
#include "support/normalised_title.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crawler::sources::TitleNormaliser normaliser;
  const auto result = crawler::sources::parse_voscast(fuzz::as_text(data, size));
  fuzz::require(!(result.failed() && result.has_title()), "a failure carries no title");
  if (result.has_title())
    if (const auto title = normaliser.normalise(*result.title))
      fuzz::require_normalised_title(*title);
  return 0;
}

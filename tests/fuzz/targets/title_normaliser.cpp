// Any raw title a station may send, through the cleaning every format shares.
#include "crawler/sources/title_normaliser.hpp"

#include "support/check.hpp"
#include "support/input.hpp"
#include "support/normalised_title.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crawler::sources::TitleNormaliser normaliser;
  const auto raw = fuzz::as_text(data, size);
  const auto title = normaliser.normalise(raw);
  const auto cleaned = crawler::sources::clean_title(raw);
  if (!title) {
    fuzz::require(cleaned.empty() || cleaned.size() < 64, "only short cleaned titles are no song");
    return 0;
  }
  fuzz::require_normalised_title(*title);
  fuzz::require(*title == cleaned, "normalise() returns clean_title()'s text");
  return 0;
}

// A SHOUTcast v1 /7.html answer.
#include "crawler/sources/shoutcast.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto body = fuzz::as_text(data, size);
  const auto result = crawler::sources::parse_shoutcast_v1(body);
  fuzz::require(result.failed() != result.has_title(), "either a title or a failure");
  if (result.has_title())
    fuzz::require(body.find(*result.title) != std::string_view::npos,
                  "the title is a piece of the answer");
  return 0;
}

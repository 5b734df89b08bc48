// A SHOUTcast v2 /currentsong or /stats answer (plain text, JSON or XML).
#include "crawler/sources/shoutcast.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto result = crawler::sources::parse_shoutcast_v2(fuzz::as_text(data, size));
  fuzz::require(!(result.failed() && result.has_title()), "a failure carries no title");
  return 0;
}

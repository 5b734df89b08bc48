// Any JSON answer read at a JSON pointer. First line: the pointer (empty: the well-known ones);
// the rest: the answer.
#include "crawler/sources/json_pointer.hpp"

#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [pointer, body] = fuzz::split_first_line(fuzz::as_text(data, size));
  const auto result = crawler::sources::parse_json_pointer(body, pointer);
  fuzz::require(!(result.failed() && result.has_title()), "a failure carries no title");
  return 0;
}

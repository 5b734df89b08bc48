// An Icecast status-json.xsl answer. First line: the channel URL (its fragment names the mount);
// the rest: the answer.
#include "crawler/sources/icecast.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [url, body] = fuzz::split_first_line(fuzz::as_text(data, size));
  const auto mount = crawler::sources::icecast_mount_from_url(url);
  const auto result = crawler::sources::parse_icecast_status(body, mount);
  fuzz::require(!(result.failed() && result.has_title()), "a failure carries no title");
  fuzz::require(!result.has_title() || !result.title->empty(), "a found title is not empty");
  return 0;
}

// An ICY stream as it arrives: the first two bytes give icy-metaint (1..4096), the third the
// size of the network reads; the rest is the stream. Reading it in those pieces must give what
// reading it whole gives.
#include <algorithm>

#include "crawler/sources/icy.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::size_t metaint = 1 + ((std::size_t{data[0]} << 8 | data[1]) % 4096);
  const std::size_t chunk = 1 + data[2];
  const auto stream = fuzz::as_text(data + 3, size - 3);

  const auto whole = crawler::sources::parse_icy_stream(stream, metaint);
  crawler::sources::IcyMetadataReader reader(metaint);
  for (std::size_t at = 0; at < stream.size() && !reader.done(); at += chunk)
    reader.feed(stream.substr(at, std::min(chunk, stream.size() - at)));

  fuzz::require(!(whole.failed() && whole.has_title()), "a failure carries no title");
  if (!reader.done()) {
    fuzz::require(whole.failed(), "a stream not done in pieces is not done whole");
    return 0;
  }
  fuzz::require(reader.result().title == whole.title && reader.result().error == whole.error,
                "pieces and whole read the same title");
  return 0;
}

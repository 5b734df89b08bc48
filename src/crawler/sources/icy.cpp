#include "crawler/sources/icy.hpp"

#include <algorithm>

#include "crawler/sources/unicode_text.hpp"

namespace nicecream::crawler::sources {

namespace {
constexpr std::string_view kStreamTitle = "StreamTitle='";
constexpr std::size_t kMetadataUnit = 16;
}  // namespace

ParseResult parse_icy_metadata(std::string_view block) {
  while (!block.empty() && block.back() == '\0') block.remove_suffix(1);
  const auto start = block.find(kStreamTitle);
  if (start == std::string_view::npos) return ParseResult::failure("no StreamTitle in metadata");
  const auto from = start + kStreamTitle.size();
  auto end = block.find("';", from);
  if (end == std::string_view::npos) {
    end = block.rfind('\'');  // the last field may lack its ';'
    if (end == std::string_view::npos || end < from)
      return ParseResult::failure("StreamTitle is not closed");
  }
  const auto title = block.substr(from, end - from);
  if (title.empty()) return ParseResult::no_song();
  // ICY metadata is Latin-1 by tradition (Icecast converts MP3 mounts' titles to it); UTF-8 is
  // taken as it is.
  if (!is_valid_utf8(title)) return ParseResult::found(latin1_to_utf8(title));
  return ParseResult::found(std::string(title));
}

IcyMetadataReader::IcyMetadataReader(std::size_t metaint) : metaint_(metaint), remaining_(metaint) {
  if (metaint_ == 0) {
    done_ = true;
    result_ = ParseResult::failure("icy-metaint is 0");
  }
}

void IcyMetadataReader::feed(std::string_view bytes) {
  while (!bytes.empty() && !done_) {
    switch (expect_) {
      case Expect::audio:
        bytes.remove_prefix(take_audio(bytes));
        break;
      case Expect::length:
        remaining_ = static_cast<unsigned char>(bytes.front()) * kMetadataUnit;
        bytes.remove_prefix(1);
        block_.clear();
        expect_ = Expect::metadata;
        if (remaining_ == 0) finish_block();
        break;
      case Expect::metadata:
        bytes.remove_prefix(take_metadata(bytes));
        break;
    }
  }
}

std::size_t IcyMetadataReader::take_audio(std::string_view bytes) {
  const auto taken = std::min(remaining_, bytes.size());
  remaining_ -= taken;
  if (remaining_ == 0) expect_ = Expect::length;
  return taken;
}

std::size_t IcyMetadataReader::take_metadata(std::string_view bytes) {
  const auto taken = std::min(remaining_, bytes.size());
  block_.append(bytes.substr(0, taken));
  remaining_ -= taken;
  if (remaining_ == 0) finish_block();
  return taken;
}

void IcyMetadataReader::finish_block() {
  expect_ = Expect::audio;
  remaining_ = metaint_;
  if (block_.find(kStreamTitle) == std::string::npos) return;  // empty or StreamUrl only
  result_ = parse_icy_metadata(block_);
  done_ = true;
}

ParseResult parse_icy_stream(std::string_view stream, std::size_t metaint) {
  IcyMetadataReader reader(metaint);
  reader.feed(stream);
  if (!reader.done()) return ParseResult::failure("no StreamTitle in the stream");
  return reader.result();
}

}  // namespace nicecream::crawler::sources

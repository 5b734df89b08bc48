#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "crawler/sources/parse_result.hpp"

namespace nicecream::crawler::sources {

// The title in one ICY metadata block: `StreamTitle='Artist - Track';StreamUrl='...';` (NUL
// padded). The title runs to the first `';` so quotes inside it survive. Bytes that are not UTF-8
// are read as Latin-1, the ICY tradition.
ParseResult parse_icy_metadata(std::string_view block);

// Reads an ICY stream (`Icy-MetaData: 1` answered with `icy-metaint: N`) as it arrives, in
// chunks of any size: N audio bytes, a length byte L, L*16 bytes of metadata, again and again.
// Done at the first metadata block that carries a StreamTitle; empty blocks are skipped.
class IcyMetadataReader {
 public:
  explicit IcyMetadataReader(std::size_t metaint);

  void feed(std::string_view bytes);
  bool done() const { return done_; }
  // Once done: the title (or no song for an empty StreamTitle) or why the stream cannot be read.
  const ParseResult& result() const { return result_; }

 private:
  enum class Expect { audio, length, metadata };

  std::size_t take_audio(std::string_view bytes);
  std::size_t take_metadata(std::string_view bytes);
  void finish_block();

  std::size_t metaint_;
  Expect expect_ = Expect::audio;
  std::size_t remaining_;  // audio or metadata bytes still to come in this part
  std::string block_;
  bool done_ = false;
  ParseResult result_;
};

// The whole-buffer form: the first StreamTitle in `stream`, or why there is none.
ParseResult parse_icy_stream(std::string_view stream, std::size_t metaint);

}  // namespace nicecream::crawler::sources

#include "crawler/sources/icy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nicecream::crawler::sources {
namespace {

// One metadata block as a server sends it: the length byte, then the text NUL-padded to 16s.
std::string metadata_block(std::string_view text) {
  const auto units = (text.size() + 15) / 16;
  std::string block(1, static_cast<char>(units));
  block += text;
  block.resize(1 + units * 16, '\0');
  return block;
}

std::string stream(std::size_t metaint, std::initializer_list<std::string_view> blocks) {
  std::string bytes;
  for (const auto text : blocks) {
    bytes += std::string(metaint, '\xff');  // audio, which may hold anything, quotes included
    bytes += metadata_block(text);
  }
  bytes += std::string(metaint, '\xff');
  return bytes;
}

TEST(IcyMetadata, ReadsStreamTitle) {
  EXPECT_EQ(parse_icy_metadata("StreamTitle='Muse - Uprising';StreamUrl='http://x';").title,
            "Muse - Uprising");
}

TEST(IcyMetadata, KeepsQuotesInsideTheTitle) {
  EXPECT_EQ(parse_icy_metadata("StreamTitle='Guns N' Roses - Don't Cry';").title,
            "Guns N' Roses - Don't Cry");
}

TEST(IcyMetadata, AcceptsAMissingSemicolonAndPadding) {
  EXPECT_EQ(parse_icy_metadata(std::string("StreamTitle='Air'\0\0\0", 20)).title, "Air");
}

TEST(IcyMetadata, ReadsLatin1AsIcecastSendsItAndUtf8AsItIs) {
  EXPECT_EQ(parse_icy_metadata("StreamTitle='Sigur R\xf3s - Hopp\xedpolla';").title,
            "Sigur R\u00f3s - Hopp\u00edpolla");
  EXPECT_EQ(parse_icy_metadata("StreamTitle='Sigur R\xc3\xb3s';").title, "Sigur R\u00f3s");
}

TEST(IcyMetadata, EmptyTitleIsNoSong) {
  const auto result = parse_icy_metadata("StreamTitle='';");
  EXPECT_FALSE(result.failed());
  EXPECT_FALSE(result.has_title());
}

TEST(IcyMetadata, FailsWithoutStreamTitle) {
  EXPECT_TRUE(parse_icy_metadata("StreamUrl='x';").failed());
  EXPECT_TRUE(parse_icy_metadata("StreamTitle='never closed").failed());
}

TEST(IcyStream, ReadsTheFirstTitle) {
  const auto bytes = stream(64, {"StreamTitle='First';", "StreamTitle='Second';"});
  EXPECT_EQ(parse_icy_stream(bytes, 64).title, "First");
}

TEST(IcyStream, SkipsEmptyAndUrlOnlyBlocks) {
  const auto bytes = stream(32, {"", "StreamUrl='http://x';", "StreamTitle='Third';"});
  EXPECT_EQ(parse_icy_stream(bytes, 32).title, "Third");
}

TEST(IcyStream, AudioBytesThatLookLikeMetadataAreIgnored) {
  std::string bytes = "StreamTitle='fake';";
  bytes.resize(40, 'x');
  bytes += metadata_block("StreamTitle='Real';");
  EXPECT_EQ(parse_icy_stream(bytes, 40).title, "Real");
}

TEST(IcyStream, ReadsChunksSplitAnywhere) {
  const auto bytes = stream(16, {"", "StreamTitle='Daft Punk - Aerodynamic';"});
  for (std::size_t chunk = 1; chunk <= bytes.size(); ++chunk) {
    IcyMetadataReader reader(16);
    for (std::size_t at = 0; at < bytes.size() && !reader.done(); at += chunk)
      reader.feed(std::string_view(bytes).substr(at, chunk));
    ASSERT_TRUE(reader.done()) << "chunk " << chunk;
    EXPECT_EQ(reader.result().title, "Daft Punk - Aerodynamic") << "chunk " << chunk;
  }
}

TEST(IcyStream, NotDoneUntilABlockIsComplete) {
  const auto bytes = stream(8, {"StreamTitle='Cut';"});
  IcyMetadataReader reader(8);
  reader.feed(std::string_view(bytes).substr(0, 8 + 1 + 5));
  EXPECT_FALSE(reader.done());
}

TEST(IcyStream, FailsWhenNoTitleArrives) {
  EXPECT_EQ(parse_icy_stream(stream(16, {"", ""}), 16).error, "no StreamTitle in the stream");
  EXPECT_EQ(parse_icy_stream("abc", 16).error, "no StreamTitle in the stream");
  EXPECT_EQ(parse_icy_stream("abc", 0).error, "icy-metaint is 0");
}

}  // namespace
}  // namespace nicecream::crawler::sources

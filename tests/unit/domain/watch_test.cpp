#include "domain/watch.hpp"

#include <gtest/gtest.h>

#include "domain/watch_words.hpp"

namespace nicecream::domain {
namespace {

TEST(WatchKind, NamesRoundTripAndUnknownNamesAreRefused) {
  for (const auto kind : {WatchKind::song, WatchKind::artist, WatchKind::text}) {
    EXPECT_EQ(parse_watch_kind(watch_kind_name(kind)), kind);
  }
  EXPECT_EQ(parse_watch_kind("Song"), std::nullopt);
  EXPECT_EQ(parse_watch_kind(""), std::nullopt);
  EXPECT_EQ(parse_watch_kind("album"), std::nullopt);
}

TEST(FoldedWords, SplitsAtSpacesAndDropsEmptyWords) {
  EXPECT_EQ(folded_words("beyonce  halo "), (std::vector<std::string>{"beyonce", "halo"}));
  EXPECT_TRUE(folded_words("").empty());
  EXPECT_TRUE(folded_words("   ").empty());
}

TEST(WordPrefixes, EveryPrefixOnceEndingOnACharacterBoundary) {
  EXPECT_EQ(word_prefixes({"ab", "abc"}), (std::vector<std::string>{"a", "ab", "abc"}));
  // "é" is two bytes: no prefix ends between them.
  EXPECT_EQ(word_prefixes({"\xc3\xa9t"}), (std::vector<std::string>{"\xc3\xa9", "\xc3\xa9t"}));
}

TEST(TextWatch, EveryWordWholeAndTheLastAsAPrefixLikeQ) {
  const std::vector<std::string> title{"daft", "punk", "around", "the", "world"};
  EXPECT_TRUE(text_watch_matches({"daft", "punk"}, title));
  EXPECT_TRUE(text_watch_matches({"world", "daft"}, title)) << "order does not matter";
  EXPECT_TRUE(text_watch_matches({"punk", "wor"}, title)) << "the last word is a prefix";
  EXPECT_FALSE(text_watch_matches({"wor", "punk"}, title)) << "only the last word is a prefix";
  EXPECT_FALSE(text_watch_matches({"daft", "disco"}, title));
  EXPECT_FALSE(text_watch_matches({"unk"}, title)) << "a prefix, not a substring";
  EXPECT_FALSE(text_watch_matches({}, title));
}

}  // namespace
}  // namespace nicecream::domain

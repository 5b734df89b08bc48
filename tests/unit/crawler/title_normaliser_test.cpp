#include "crawler/sources/title_normaliser.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler::sources {
namespace {

std::optional<std::string> normalise(std::string_view raw) {
  return TitleNormaliser{}.normalise(raw);
}

TEST(TitleNormaliser, KeepsAPlainTitle) {
  EXPECT_EQ(normalise("Daft Punk - One More Time"), "Daft Punk - One More Time");
}

TEST(TitleNormaliser, StripsTags) {
  EXPECT_EQ(normalise("<b>Daft Punk</b> - <i>Around the World</i>"),
            "Daft Punk - Around the World");
  EXPECT_EQ(normalise("<span class=\"x\">Air</span><br/>Sexy Boy"), "Air Sexy Boy");
  EXPECT_EQ(normalise("Muse <!-- live --> - Uprising"), "Muse - Uprising");
}

TEST(TitleNormaliser, KeepsALessThanThatOpensNoTag) {
  EXPECT_EQ(normalise("I <3 Radio"), "I <3 Radio");
  EXPECT_EQ(normalise("a < b"), "a < b");
  EXPECT_EQ(normalise("Unclosed <tag here"), "Unclosed <tag here");
}

TEST(TitleNormaliser, UnescapesNamedAndNumericEntities) {
  EXPECT_EQ(normalise("Simon &amp; Garfunkel - The Boxer"), "Simon & Garfunkel - The Boxer");
  EXPECT_EQ(normalise("Guns N&#39; Roses - Don&#x27;t Cry"), "Guns N' Roses - Don't Cry");
  EXPECT_EQ(normalise("Beyonc&eacute; &ndash; Halo"), "Beyonc\u00e9 \u2013 Halo");
  EXPECT_EQ(normalise("&quot;Weird Al&quot; Yankovic"), "\"Weird Al\" Yankovic");
}

TEST(TitleNormaliser, UnescapesOnceAndShowsEscapedMarkupAsText) {
  EXPECT_EQ(normalise("Tom &amp;amp; Jerry"), "Tom &amp; Jerry");
  EXPECT_EQ(normalise("&lt;b&gt;Bold&lt;/b&gt;"), "<b>Bold</b>");
}

TEST(TitleNormaliser, LeavesUnknownOrUnterminatedEntitiesAlone) {
  EXPECT_EQ(normalise("AT&T - Jingle"), "AT&T - Jingle");
  EXPECT_EQ(normalise("Rock &roll; Band"), "Rock &roll; Band");
  EXPECT_EQ(normalise("Fish &amp Chips"), "Fish &amp Chips");
}

TEST(TitleNormaliser, InvalidNumericEntitiesBecomeReplacementCharacter) {
  EXPECT_EQ(normalise("A&#0;B"), "A\uFFFDB");
  EXPECT_EQ(normalise("A&#xD800;B"), "A\uFFFDB");
  EXPECT_EQ(normalise("A&#x110000;B"), "A\uFFFDB");
}

TEST(TitleNormaliser, DecodesUnicodeEscapesWithSurrogatePairs) {
  EXPECT_EQ(normalise("Sigur R\\u00f3s - Hopp\\u00edpolla"), "Sigur R\u00f3s - Hopp\u00edpolla");
  EXPECT_EQ(normalise("Music \\uD83C\\uDFB5 Now"), "Music \U0001F3B5 Now");
  EXPECT_EQ(normalise("Lone \\uD83C here"), "Lone \uFFFD here");
  EXPECT_EQ(normalise("Low \\uDFB5 first"), "Low \uFFFD first");
  EXPECT_EQ(normalise("Not \\u12 an escape"), "Not \\u12 an escape");
}

TEST(TitleNormaliser, RepairsInvalidUtf8) {
  EXPECT_EQ(normalise("Beyonc\xe9 - Halo"), "Beyonc\uFFFD - Halo");
  EXPECT_EQ(normalise("Cut \xe2\x82"), "Cut \uFFFD");
  EXPECT_EQ(normalise("Overlong \xc0\xaf slash"), "Overlong \uFFFD\uFFFD slash");
  EXPECT_EQ(normalise("Surrogate \xed\xa0\x80 bytes"), "Surrogate \uFFFD\uFFFD\uFFFD bytes");
  EXPECT_EQ(normalise("Valid \xf0\x9f\x8e\xb5 note"), "Valid \U0001F3B5 note");
}

TEST(TitleNormaliser, CollapsesWhitespaceAndControlCharacters) {
  EXPECT_EQ(normalise("  Daft\tPunk \r\n -   One\x01More&nbsp;Time  "),
            "Daft Punk - One More Time");
}

TEST(TitleNormaliser, EmptyTitlesAreNoSong) {
  EXPECT_EQ(normalise(""), std::nullopt);
  EXPECT_EQ(normalise("   \t "), std::nullopt);
  EXPECT_EQ(normalise("<b></b>&nbsp;"), std::nullopt);
}

TEST(TitleNormaliser, IdlePlaceholdersAreNoSong) {
  for (const auto* placeholder : {"Unknown", "UNKNOWN", "-", " - ", "N/A", "Advertisement",
                                  "Station ID", "unknown - unknown", "<b>Unknown</b>"})
    EXPECT_EQ(normalise(placeholder), std::nullopt) << placeholder;
}

TEST(TitleNormaliser, TitlesThatOnlyContainAPlaceholderWordAreSongs) {
  EXPECT_EQ(normalise("Unknown Mortal Orchestra - Multi-Love"),
            "Unknown Mortal Orchestra - Multi-Love");
  EXPECT_EQ(normalise("Station"), "Station");
}

TEST(TitleNormaliser, PlaceholderListIsConfigurable) {
  const TitleNormaliser normaliser({"Jingle", "Now on air"});
  EXPECT_EQ(normaliser.normalise("jingle"), std::nullopt);
  EXPECT_EQ(normaliser.normalise("Now  on air"), std::nullopt);
  EXPECT_EQ(normaliser.normalise("Unknown"), "Unknown");
}

}  // namespace
}  // namespace nicecream::crawler::sources

#include <string>
#include <vector>

#include "unit/store/store_test.hpp"

// The search text as the listener types it: search-engine syntax is plain text (never an error),
// diacritics and case fold both ways, other scripts are words like any other. Checked on the
// history filter and on /songs, which share the matching.
namespace nicecream::store::test {

namespace {

const std::vector<std::string> kSearchedTitles = {
    "Sigur Rós - Hoppípolla",    "Sigur Ros - Glósóli", "AC/DC - Back In Black",
    "Near Or Far - And Then",    "Кино - Группа крови", "東京事変 - 群青日和",
    "Emoji Band - Happy Song 🎵", "Don't Stop - Me Now",
};

class Search : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    int second = 0;
    for (const auto& title : kSearchedTitles) {
      auto outcome = store().record_title(kRed, title, instant(second++));
      ASSERT_TRUE(outcome.inserted) << title;
    }
  }

  // Titles of the matching airings, newest first.
  std::vector<std::string> airings(const std::string& text) {
    domain::HistoryQuery query;
    query.text = text;
    std::vector<std::string> titles;
    for (const auto& item : store().list_history(query)) titles.push_back(item.song_title);
    return titles;
  }

  // Titles of the matching songs, in the order /songs gives them.
  std::vector<std::string> songs(const std::string& text) {
    domain::CatalogQuery query;
    query.text = text;
    std::vector<std::string> titles;
    for (const auto& song : store().list_songs(query)) titles.push_back(song.title);
    return titles;
  }

  using Titles = std::vector<std::string>;
};

}  // namespace

TEST_P(Search, DiacriticsFoldBothWays) {
  EXPECT_EQ(airings("Sigur Ros"), (Titles{"Sigur Ros - Glósóli", "Sigur Rós - Hoppípolla"}));
  EXPECT_EQ(airings("sigur rós"), (Titles{"Sigur Ros - Glósóli", "Sigur Rós - Hoppípolla"}));
  EXPECT_EQ(airings("HOPPIPOLLA"), Titles{"Sigur Rós - Hoppípolla"});
  EXPECT_EQ(airings("glósóli"), Titles{"Sigur Ros - Glósóli"});
  EXPECT_EQ(songs("sigur ros hopp"), Titles{"Sigur Rós - Hoppípolla"});
}

TEST_P(Search, SyntaxCharactersArePlainText) {
  for (const std::string text :
       {"\"sigur",     "sigur\"",    "\"sigur ros\"", "sigur*",      "*sigur",
        "-sigur",      "sigur -ros", "^sigur",        "(sigur)",     "(sigur",
        "sigur)",      "sigur:",     "title:sigur",   "sigur + ros", "{sigur}",
        "sigur ros\\", "'sigur'",    "sigur AND ros", "sigur%",      "sigur_"}) {
    EXPECT_NO_THROW(airings(text)) << text;
    EXPECT_NO_THROW(songs(text)) << text;
  }
  EXPECT_EQ(airings("\"hoppipolla\""), Titles{"Sigur Rós - Hoppípolla"});
  EXPECT_EQ(airings("-hoppipolla"), Titles{"Sigur Rós - Hoppípolla"});  // not NOT
  EXPECT_EQ(airings("^glosoli*"), Titles{"Sigur Ros - Glósóli"});
  EXPECT_EQ(airings("(sigur) title:hopp"), Titles{});  // `title` is a word no title has
  EXPECT_EQ(airings("AC/DC"), Titles{"AC/DC - Back In Black"});
  EXPECT_EQ(airings("back:in:black"), Titles{"AC/DC - Back In Black"});
  EXPECT_EQ(airings("don't"), Titles{"Don't Stop - Me Now"});
}

// NEAR, OR, AND and NOT are words to find, not operators.
TEST_P(Search, OperatorWordsAreWords) {
  EXPECT_EQ(airings("near or and"), Titles{"Near Or Far - And Then"});
  EXPECT_EQ(airings("NEAR OR AND"), Titles{"Near Or Far - And Then"});
  EXPECT_EQ(airings("NEAR(sigur ros)"), Titles{});
  EXPECT_EQ(airings("sigur OR bjork"), Titles{});
  EXPECT_EQ(airings("sigur NOT ros"), Titles{});
}

TEST_P(Search, NoWordsMatchNothing) {
  for (const std::string text : {"", " ", "*", "\"\"", "-", "()", "^", ":", "\" * - ^ ( ) :"}) {
    EXPECT_TRUE(airings(text).empty()) << text;
    EXPECT_TRUE(songs(text).empty()) << text;
  }
}

TEST_P(Search, LongTextIsJustManyWords) {
  std::string text;
  while (text.size() < 200) text += "sigur ";
  text.resize(200);
  EXPECT_NO_THROW(airings(text));
  EXPECT_EQ(airings(std::string(200, 'a')), Titles{});
  EXPECT_EQ(airings(std::string(100, '"') + std::string(100, '*')), Titles{});
}

TEST_P(Search, OtherScriptsAreWords) {
  EXPECT_EQ(airings("кино"), Titles{"Кино - Группа крови"});
  EXPECT_EQ(airings("КИНО группа"), Titles{"Кино - Группа крови"});
  EXPECT_EQ(airings("東京事変"), Titles{"東京事変 - 群青日和"});
  EXPECT_EQ(airings("東京"), Titles{"東京事変 - 群青日和"});  // the last word, a prefix
}

TEST_P(Search, EmojiDoNotBreakTheSearch) {
  EXPECT_EQ(airings("happy song 🎵"), Titles{"Emoji Band - Happy Song 🎵"});
  EXPECT_NO_THROW(airings("🎵"));
}

TEST_P(Search, SongsRankMatchesThenPlays) {
  ASSERT_TRUE(store().record_title(kGreen, "Sigur Ros - Glósóli", instant(100)).inserted);
  const auto found = songs("sigur");
  ASSERT_EQ(found.size(), 2u);
  // Equal relevance: the one played twice comes first.
  EXPECT_EQ(found.front(), "Sigur Ros - Glósóli");
}

INSTANTIATE_TEST_SUITE_P(Engines, Search, ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace nicecream::store::test

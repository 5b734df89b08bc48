#include "store/errors.hpp"
#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

std::string voscast_url(const std::string& key) {
  return "https://cdn.voscast.com/stats/display.js?key=" + key + "&stats=songtitle&action=update";
}

domain::NewChannel new_channel(std::string name) {
  return {std::move(name), "http://127.0.0.1:9/status-json.xsl", "icecast", ""};
}

}  // namespace

TEST_P(StoreTest, FirstMigrationSeedsTheThreeChannels) {
  const auto channels = store().list_channels();
  ASSERT_EQ(channels.size(), 3u);
  const std::string names[] = {"red", "green", "blue"};
  const std::string keys[] = {"40dce4ae142ed966aa6bdd8048c989d2",
                              "843b6fa06db8c1e17d538547afe14635",
                              "82f6aa25633d7d23d8370c68e1210a9c"};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(channels[i].id, static_cast<Id>(i + 1));
    EXPECT_EQ(channels[i].name, names[i]);
    EXPECT_EQ(channels[i].url, voscast_url(keys[i]));
    EXPECT_EQ(channels[i].format, "voscast");
    EXPECT_EQ(channels[i].title_pointer, "");
  }
}

TEST_P(StoreTest, AddedChannelGetsANewIdAndIsFound) {
  const auto added = store().add_channel({"jazz", "http://127.0.0.1:9/api", "json", "/now/title"});
  EXPECT_EQ(added.id, 4);  // after the seeded ids
  EXPECT_EQ(added.name, "jazz");
  EXPECT_EQ(added.format, "json");
  EXPECT_EQ(added.title_pointer, "/now/title");
  const auto found = store().find_channel(added.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->url, "http://127.0.0.1:9/api");
  EXPECT_EQ(store().list_channels().size(), 4u);
}

TEST_P(StoreTest, AddedChannelKeepsTheDefaultFormat) {
  const auto added = store().add_channel({"plain", "http://127.0.0.1:9/", "auto", ""});
  EXPECT_EQ(store().find_channel(added.id)->format, "auto");
}

TEST_P(StoreTest, TakenChannelNameIsConflict) {
  EXPECT_THROW(store().add_channel(new_channel("red")), Conflict);
  EXPECT_EQ(store().list_channels().size(), 3u);
}

TEST_P(StoreTest, ChannelNameLongerThanTenIsRefused) {
  EXPECT_THROW(store().add_channel(new_channel("elevenchars")), Conflict);
  EXPECT_NO_THROW(store().add_channel(new_channel("tenletters")));
}

TEST_P(StoreTest, UnknownChannelIsNotFound) {
  EXPECT_FALSE(store().find_channel(99));
}

TEST_P(StoreTest, RemovingAChannelRemovesItsHistoryOnly) {
  store().record_title(kRed, "A - One", instant(0));
  store().record_title(kGreen, "B - Two", instant(1));
  EXPECT_TRUE(store().remove_channel(kRed));
  EXPECT_FALSE(store().find_channel(kRed));
  EXPECT_FALSE(store().remove_channel(kRed));
  const auto left = store().list_history({});
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].channel_id, kGreen);
}

}  // namespace nicecream::store::test

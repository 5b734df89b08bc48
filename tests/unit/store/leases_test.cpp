#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

using std::chrono::seconds;
using Ids = std::vector<Id>;

constexpr seconds kLong{600};
constexpr seconds kLapsed{0};  // expires as it is taken

}  // namespace

TEST_P(StoreTest, LoneCrawlerTakesEveryChannel) {
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 2, 3}));
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 2, 3}));
}

// A newcomer gets nothing held by a live crawler, which sheds down to its fair share (at most
// ceil(3 / 2) = 2) on its next claim; the newcomer then takes what was let go.
TEST_P(StoreTest, TwoCrawlersSplitTheChannels) {
  auto other = harness().open();
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 2, 3}));
  EXPECT_EQ(other->claim_channels("b", kLong), Ids{});
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 2}));
  EXPECT_EQ(other->claim_channels("b", kLong), (Ids{3}));
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 2}));
  EXPECT_EQ(other->claim_channels("b", kLong), (Ids{3}));
}

TEST_P(StoreTest, LapsedLeasesAreTakenOver) {
  EXPECT_EQ(store().claim_channels("dead", kLapsed), (Ids{1, 2, 3}));
  EXPECT_EQ(store().claim_channels("alive", kLong), (Ids{1, 2, 3}));
  EXPECT_EQ(store().claim_channels("dead", kLong), Ids{});
}

TEST_P(StoreTest, ReleasedChannelsGoToTheOthers) {
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 2, 3}));
  EXPECT_EQ(store().claim_channels("b", kLong), Ids{});
  store().release_channels("a");
  EXPECT_EQ(store().claim_channels("b", kLong), (Ids{1, 2, 3}));
}

TEST_P(StoreTest, NewAndRemovedChannelsFollowTheLeases) {
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 2, 3}));
  const auto added = store().add_channel({"jazz", "http://127.0.0.1:9/", "auto", ""});
  store().remove_channel(kGreen);
  EXPECT_EQ(store().claim_channels("a", kLong), (Ids{1, 3, added.id}));
}

}  // namespace nicecream::store::test

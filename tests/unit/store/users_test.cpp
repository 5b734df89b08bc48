#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

TEST_P(StoreTest, UpsertCreatesThenUpdatesBySub) {
  const auto created = store().upsert_user({"google|1", "https://127.0.0.1/a.png", "Ada", "L"});
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.sub, "google|1");
  EXPECT_EQ(created.given_name, "Ada");

  const auto updated =
      store().upsert_user({"google|1", "https://127.0.0.1/b.png", "Ada", "Lovelace"});
  EXPECT_EQ(updated.id, created.id);
  EXPECT_EQ(updated.picture, "https://127.0.0.1/b.png");
  EXPECT_EQ(updated.family_name, "Lovelace");

  const auto found = store().find_user(created.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->family_name, "Lovelace");
  EXPECT_EQ(found->picture, "https://127.0.0.1/b.png");
}

// The original's sign-in renamed every user; ours touches only the one signing in.
TEST_P(StoreTest, UpdatingOneUserLeavesTheOthers) {
  const auto ada = store().upsert_user({"sub-ada", "pa", "Ada", "Lovelace"});
  const auto alan = store().upsert_user({"sub-alan", "pt", "Alan", "Turing"});
  EXPECT_NE(ada.id, alan.id);
  store().upsert_user({"sub-ada", "pa2", "Augusta", "King"});
  const auto untouched = store().find_user(alan.id);
  ASSERT_TRUE(untouched);
  EXPECT_EQ(untouched->sub, "sub-alan");
  EXPECT_EQ(untouched->picture, "pt");
  EXPECT_EQ(untouched->given_name, "Alan");
  EXPECT_EQ(untouched->family_name, "Turing");
  EXPECT_EQ(store().find_user(ada.id)->given_name, "Augusta");
}

TEST_P(StoreTest, UnknownUserIsNotFound) {
  EXPECT_FALSE(store().find_user(42));
}

}  // namespace nicecream::store::test

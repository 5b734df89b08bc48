#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include "store/sqlite/connection.hpp"
#include "store/sqlite/sorted_ids.hpp"
#include "unit/store/temp_dir.hpp"

namespace nicecream::store::sqlite {

namespace {

class SortedIdsFunction : public ::testing::Test {
 protected:
  std::int64_t in_ids(const std::string& id_sql, const SortedIds& list) {
    auto row = connection_->prepare("SELECT nicecream_in_ids(" + id_sql + ", ?1)");
    row.bind_all(list).step();
    return row.int64(0);
  }

  test::TempDir folder_;
  std::unique_ptr<Connection> connection_ =
      Connection::open(folder_.path() / "ids.db", std::chrono::milliseconds{1000});
};

TEST_F(SortedIdsFunction, FindsExactlyTheIdsInTheList) {
  const SortedIds list{{2, 3, 5, 8, 13}};
  EXPECT_EQ(in_ids("2", list), 1);
  EXPECT_EQ(in_ids("13", list), 1);
  EXPECT_EQ(in_ids("5", list), 1);
  EXPECT_EQ(in_ids("1", list), 0);
  EXPECT_EQ(in_ids("4", list), 0);
  EXPECT_EQ(in_ids("14", list), 0);
  EXPECT_EQ(in_ids("5", SortedIds{}), 0);
}

TEST_F(SortedIdsFunction, WhatIsNoIntegerIsInNoList) {
  const SortedIds list{{5}};
  EXPECT_EQ(in_ids("NULL", list), 0);
  EXPECT_EQ(in_ids("'5'", list), 0);
  EXPECT_EQ(in_ids("5.0", list), 0);
}

// Only a list bound by the store counts: SQL cannot make one, whatever it passes.
TEST_F(SortedIdsFunction, AnythingButABoundListIsNoList) {
  for (const char* sql : {"SELECT nicecream_in_ids(5, NULL)", "SELECT nicecream_in_ids(5, 5)",
                          "SELECT nicecream_in_ids(5, x'0500000000000000')"}) {
    auto row = connection_->prepare(sql);
    ASSERT_TRUE(row.step()) << sql;
    EXPECT_EQ(row.int64(0), 0) << sql;
  }
}

// A view or trigger in a database file cannot call it (SQLITE_DIRECTONLY).
TEST_F(SortedIdsFunction, ViewsInTheFileCannotCallIt) {
  connection_->exec("CREATE VIEW calls AS SELECT nicecream_in_ids(5, NULL) AS found");
  EXPECT_THROW(connection_->prepare("SELECT found FROM calls").step(), std::exception);
}

}  // namespace

}  // namespace nicecream::store::sqlite

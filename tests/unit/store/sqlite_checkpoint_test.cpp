#include <gtest/gtest.h>

#include <chrono>

#include "store/sqlite/checkpointer.hpp"
#include "store/sqlite/connection.hpp"
#include "support/server/eventually.hpp"
#include "unit/store/temp_dir.hpp"

namespace nicecream::store::test {

namespace {

using sqlite::Connection;

constexpr std::chrono::milliseconds kBusyTimeout{5000};

// A connection to a new WAL database with one table, and the size of the database file then: in
// WAL mode commits go to the -wal file, and only a checkpoint writes them into the database file.
struct Database {
  explicit Database(const TempDir& dir)
      : file(dir.path() / "test.db"), connection(Connection::open(file, kBusyTimeout)) {
    connection->exec("CREATE TABLE pages (content BLOB NOT NULL)");
    initial_size = std::filesystem::file_size(file);
  }

  // Commits one transaction per page-sized row until the WAL holds at least `pages` pages.
  void write_pages(int pages) {
    for (int i = 0; i < pages; i += 2)
      connection->exec("INSERT INTO pages (content) VALUES (randomblob(3000))");
  }

  bool grew() const { return std::filesystem::file_size(file) > initial_size; }

  std::filesystem::path file;
  std::unique_ptr<Connection> connection;
  std::uintmax_t initial_size = 0;
};

}  // namespace

// The measure the tests below use: without a checkpointer, the commit that crosses SQLite's
// threshold copies the WAL into the database file itself.
TEST(SqliteCheckpoint, ACommitCheckpointsByDefault) {
  TempDir dir;
  Database database(dir);
  database.write_pages(2 * Connection::kCheckpointPages);
  EXPECT_TRUE(database.grew());
}

TEST(SqliteCheckpoint, ACommitLeavesTheCopyToTheCheckpointer) {
  TempDir dir;
  Database database(dir);
  int requests = 0;
  database.connection->leave_checkpoints_to([&requests] { ++requests; });
  database.write_pages(2 * Connection::kCheckpointPages);
  EXPECT_FALSE(database.grew());
  EXPECT_GT(requests, 0);
}

TEST(SqliteCheckpoint, TheCheckpointerCopiesTheWalIntoTheDatabase) {
  TempDir dir;
  Database database(dir);
  sqlite::Checkpointer checkpointer(database.file, kBusyTimeout);
  database.connection->leave_checkpoints_to([&checkpointer] { checkpointer.request(); });
  database.write_pages(2 * Connection::kCheckpointPages);
  EXPECT_TRUE(nicecream::testing::eventually([&database] { return database.grew(); }));
}

// Should the checkpointer fall behind or fail, the WAL still stops growing somewhere.
TEST(SqliteCheckpoint, ACommitCopiesItselfOnceTheWalIsTooLong) {
  TempDir dir;
  Database database(dir);
  database.connection->leave_checkpoints_to([] {});
  database.write_pages(Connection::kCheckpointInlinePages + 2 * Connection::kCheckpointPages);
  EXPECT_TRUE(database.grew());
}

TEST(SqliteCheckpoint, TheCheckpointerStopsWithRequestsPending) {
  TempDir dir;
  Database database(dir);
  {
    sqlite::Checkpointer checkpointer(database.file, kBusyTimeout);
    for (int i = 0; i < 100; ++i) checkpointer.request();
  }
  // The end neither hung nor left a lock behind: the database still takes writes.
  database.connection->exec("INSERT INTO pages (content) VALUES (x'00')");
}

}  // namespace nicecream::store::test

#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "domain/models.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "unit/store/temp_dir.hpp"

namespace nicecream::store::test {

namespace {

// Files created in a folder while it is watched (created and removed at once still count).
class CreatedFiles {
 public:
  explicit CreatedFiles(const std::filesystem::path& folder)
      : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0 || ::inotify_add_watch(fd_, folder.c_str(), IN_CREATE) < 0)
      throw std::runtime_error("cannot watch " + folder.string());
  }
  CreatedFiles(const CreatedFiles&) = delete;
  CreatedFiles& operator=(const CreatedFiles&) = delete;
  ~CreatedFiles() { ::close(fd_); }

  int count() {
    alignas(inotify_event) char buffer[4096];
    ssize_t length = 0;
    while ((length = ::read(fd_, buffer, sizeof buffer)) > 0) {
      for (ssize_t at = 0; at < length;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
        ++count_;
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
    return count_;
  }

 private:
  int fd_;
  int count_ = 0;
};

// A table of `rows` rows in a fresh database, opened as the store opens it, with SQLite's default
// cache (2 MiB): a smaller cache journals sooner, so a smaller table shows the failure.
std::unique_ptr<sqlite::Connection> filled_table(const TempDir& data, int rows) {
  auto connection =
      sqlite::Connection::open(data.path() / "journal.db", std::chrono::seconds(5), 2048);
  connection->exec(
      "CREATE TABLE items (id INTEGER PRIMARY KEY, code INTEGER UNIQUE, kind INTEGER)");
  connection->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                   std::to_string(rows) + ") INSERT INTO items SELECT i, i, i % 3 FROM n");
  return connection;
}

}  // namespace

// Statements whose journal outgrows what is kept in memory spill it to a file and succeed. With
// more than 31 pages kept, SQLite 3.40 aborted both with "database or disk is full" (the seeding
// of bench/search, and migration 0002 on a database of a million airings).
TEST(SqliteStatementJournal, AnIndexBuiltInTheTransactionThatFilledItsTable) {
  TempDir data;
  auto connection = filled_table(data, 1);
  connection->exec("CREATE INDEX items_kind ON items (kind, id)");
  connection->exec("BEGIN");
  connection->exec("DROP INDEX items_kind");
  connection->exec(
      "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)"
      " INSERT INTO items SELECT i, i, i % 3 FROM n");
  EXPECT_NO_THROW(connection->exec("CREATE INDEX items_kind ON items (kind, id)"));
  connection->exec("COMMIT");
  auto count =
      connection->prepare("SELECT count(*) FROM items INDEXED BY items_kind WHERE kind = 1");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.int64(0), 100000);
}

TEST(SqliteStatementJournal, AnUpdateOfAUniqueColumnOverManyRows) {
  TempDir data;
  auto connection = filled_table(data, 50000);
  connection->exec("BEGIN");
  connection->exec("INSERT INTO items VALUES (-1, -1, 0)");
  EXPECT_NO_THROW(connection->exec("UPDATE items SET code = -code - 10 WHERE id > 0"));
  connection->exec("COMMIT");
  auto moved = connection->prepare("SELECT count(*), min(code) FROM items WHERE code < -10");
  ASSERT_TRUE(moved.step());
  EXPECT_EQ(moved.int64(0), 50000);
  EXPECT_EQ(moved.int64(1), -50010);
}

// A recording's statement journal (some twenty pages) stays in memory instead of going to a temp
// file created and removed per recording (Connection::open says why).
TEST(SqliteRecording, WritesNoTemporaryFile) {
  TempDir temp;
  TempDir data;
  // SQLite reads SQLITE_TMPDIR when it first needs a temp file; nothing has needed one yet in
  // this process (each test runs in its own).
  ::setenv("SQLITE_TMPDIR", temp.path().c_str(), 1);
  auto store = sqlite::open_sqlite_store(data.path());
  store->migrate();
  CreatedFiles created(temp.path());
  const auto start = domain::now();
  for (int i = 0; i < 30; ++i) {
    const auto title = "Artist " + std::to_string(i % 7) + " - Track " + std::to_string(i % 11);
    ASSERT_TRUE(store->record_title(1 + i % 3, title, start + std::chrono::seconds(i)).inserted);
  }
  ::unsetenv("SQLITE_TMPDIR");
  EXPECT_EQ(created.count(), 0);
  EXPECT_EQ(store->list_history({}).size(), 30u);
}

}  // namespace nicecream::store::test

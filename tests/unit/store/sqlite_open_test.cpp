#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "store/errors.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "unit/store/sqlite_file.hpp"
#include "unit/store/temp_dir.hpp"

namespace nicecream::store::test {

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The open error, or "" when opening succeeded.
std::string open_error(const std::filesystem::path& data_dir) {
  try {
    sqlite::open_sqlite_store(data_dir);
  } catch (const Unavailable& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST(SqliteOpen, CreatesTheDataDirAndTheFile) {
  TempDir dir;
  const auto data_dir = dir.path() / "nested" / "data";
  auto store = sqlite::open_sqlite_store(data_dir);
  EXPECT_GT(store->migrate(), 0);
  EXPECT_TRUE(std::filesystem::exists(data_dir / "nicecream.db"));
}

TEST(SqliteOpen, DataKeptAcrossReopening) {
  TempDir dir;
  sqlite::open_sqlite_store(dir.path())->migrate();
  auto reopened = sqlite::open_sqlite_store(dir.path());
  EXPECT_EQ(reopened->migrate(), 0);
  EXPECT_EQ(reopened->list_channels().size(), 3u);
}

TEST(SqliteOpen, DataDirThatCannotBeCreatedIsAClearError) {
  TempDir dir;
  write_file(dir.path() / "blocker", "a file, not a folder");
  const auto data_dir = dir.path() / "blocker" / "data";
  const auto error = open_error(data_dir);
  EXPECT_NE(error.find("cannot create data directory"), std::string::npos) << error;
  EXPECT_NE(error.find(data_dir.string()), std::string::npos) << error;
}

TEST(SqliteOpen, DataDirThatIsAFileIsAClearError) {
  TempDir dir;
  write_file(dir.path() / "data", "a file, not a folder");
  const auto error = open_error(dir.path() / "data");
  EXPECT_NE(error.find((dir.path() / "data").string()), std::string::npos) << error;
}

// Root may write anywhere, so only an unprivileged run can see a read-only folder refused; as
// root the test checks the same folder is accepted.
TEST(SqliteOpen, ReadOnlyDataDirIsAClearErrorForUsers) {
  TempDir dir;
  const auto data_dir = dir.path() / "locked";
  std::filesystem::create_directory(data_dir);
  std::filesystem::permissions(
      data_dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  const auto error = open_error(data_dir);
  std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all);
  if (::geteuid() == 0) {
    EXPECT_EQ(error, "");
  } else {
    EXPECT_NE(error.find("not writable"), std::string::npos) << error;
    EXPECT_NE(error.find(data_dir.string()), std::string::npos) << error;
  }
}

TEST(SqliteOpen, FileThatIsNotADatabaseIsAClearError) {
  TempDir dir;
  const auto file = dir.path() / "nicecream.db";
  write_file(file, std::string(4096, 'x') + "this is not an SQLite database");
  const auto error = open_error(dir.path());
  EXPECT_NE(error.find("not an SQLite database"), std::string::npos) << error;
  EXPECT_NE(error.find(file.string()), std::string::npos) << error;
}

// Another process holds the write lock for longer than the busy timeout (5 s): the write gives
// up with Unavailable, naming the file, and the store works again once the lock is gone.
TEST(SqliteOpen, WriteLockedPastTheTimeoutIsUnavailable) {
  TempDir dir;
  auto store = sqlite::open_sqlite_store(dir.path());
  store->migrate();
  SqliteFile other_process(dir.path() / sqlite::kDatabaseFileName);
  other_process.exec("BEGIN IMMEDIATE");
  try {
    store->upsert_user({"sub", "", "", ""});
    FAIL() << "wrote through another writer's lock";
  } catch (const Unavailable& error) {
    EXPECT_NE(std::string(error.what()).find("locked"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("nicecream.db"), std::string::npos) << error.what();
  }
  EXPECT_EQ(store->list_channels().size(), 3u);  // readers are not blocked under WAL
  other_process.exec("ROLLBACK");
  EXPECT_EQ(store->upsert_user({"sub", "", "", ""}).sub, "sub");
}

// More callers than connections: the extra ones wait for a free connection instead of failing.
TEST(SqliteOpen, CallersBeyondThePoolWait) {
  TempDir dir;
  auto store = sqlite::open_sqlite_store(dir.path(), 2);
  store->migrate();
  std::atomic<int> answered{0};
  {
    std::vector<std::jthread> callers;
    for (int i = 0; i < 6; ++i)
      callers.emplace_back([&, i] {
        for (int round = 0; round < 20; ++round) {
          store->record_title(1 + i % 3, "Caller " + std::to_string(i) + std::to_string(round),
                              domain::now());
          if (store->list_channels().size() == 3u) ++answered;
        }
      });
  }
  EXPECT_EQ(answered.load(), 120);
  EXPECT_EQ(store->latest_history_id(), 120);
}

}  // namespace nicecream::store::test

#include <sqlite3.h>

#include <atomic>
#include <thread>

#include "integration/lifecycle/lifecycle_fixture.hpp"

namespace nicecream::testing {
namespace {

// Backups copy the embedded store; a PostgreSQL deployment is pointed to pg_dump.
class BackupTest : public LifecycleTest {};
class PostgresBackupTest : public LifecycleTest {};

// What a copy holds, read with SQLite itself: its integrity verdict and its history count.
struct CopyFacts {
  std::string integrity;
  std::int64_t items = -1;
};

CopyFacts inspect(const std::filesystem::path& file) {
  CopyFacts facts;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    auto read = [db](const char* sql, auto&& use) {
      sqlite3_stmt* statement = nullptr;
      if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
          sqlite3_step(statement) == SQLITE_ROW)
        use(statement);
      sqlite3_finalize(statement);
    };
    read("PRAGMA integrity_check", [&](sqlite3_stmt* row) {
      facts.integrity = reinterpret_cast<const char*>(sqlite3_column_text(row, 0));
    });
    read("SELECT count(*) FROM history",
         [&](sqlite3_stmt* row) { facts.items = sqlite3_column_int64(row, 0); });
  }
  sqlite3_close_v2(db);
  return facts;
}

TEST_P(PostgresBackupTest, SaysToUsePgDump) {
  const auto result = run_nicecream({"backup", (scratch.path() / "copy.db").string()}, settings);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("pg_dump"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(scratch.path() / "copy.db"));
}

TEST_P(BackupTest, CopiesTheStoreWhileItIsWrittenTo) {
  for (int i = 0; i < 2000; ++i) record(1 + i % 3, "Artist " + std::to_string(i) + " - Song", 1);
  std::atomic<bool> writing = true;
  std::atomic<int> written = 0;
  std::thread writer([&] {
    for (int i = 0; writing; ++i) {
      record(1 + i % 3, "Live " + std::to_string(i) + " - Song", 0);
      ++written;
    }
  });
  while (written < 50) std::this_thread::yield();
  const auto copy = scratch.path() / "copy.db";
  const auto result = run_nicecream({"backup", copy.string()}, settings);
  writing = false;
  writer.join();

  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("integrity ok"), std::string::npos) << result.output;
  const auto facts = inspect(copy);
  EXPECT_EQ(facts.integrity, "ok");
  EXPECT_GE(facts.items, 2000 + 50);
  EXPECT_LE(facts.items, 2000 + written);
  EXPECT_FALSE(std::filesystem::exists(copy.string() + ".partial"));
}

TEST_P(BackupTest, AFailedBackupLeavesTheTargetAsItWas) {
  const auto target = scratch.path() / "missing-folder" / "copy.db";
  const auto result = run_nicecream({"backup", target.string()}, settings);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("missing-folder"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(target));

  auto no_store = settings;
  no_store["NICECREAM_DATA_DIR"] = (scratch.path() / "nothing-here").string();
  const auto empty = run_nicecream({"backup", (scratch.path() / "x.db").string()}, no_store);
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_NE(empty.output.find("no database at"), std::string::npos) << empty.output;
}

INSTANTIATE_TEST_SUITE_P(Engines, BackupTest, ::testing::Values(Engine::sqlite), engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, PostgresBackupTest, ::testing::Values(Engine::postgres),
                         engine_name);

}  // namespace
}  // namespace nicecream::testing

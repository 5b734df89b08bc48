#include <thread>

#include "store/migrations/migration.hpp"
#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

namespace {

int latest_shipped(Engine engine) {
  return migrations::latest_version(engine == Engine::sqlite ? migrations::sqlite_migrations()
                                                             : migrations::postgres_migrations());
}

}  // namespace

TEST_P(StoreTest, MigrateAppliesEveryMigrationOnce) {
  const int latest = latest_shipped(GetParam());
  ASSERT_GT(latest, 0);
  EXPECT_EQ(migrations_applied(), latest);
  EXPECT_EQ(store().migrate(), 0);
  EXPECT_EQ(harness().open()->migrate(), 0);
  const auto version = store().schema_version();
  EXPECT_EQ(version.current, latest);
  EXPECT_EQ(version.latest, latest);
}

TEST_P(StoreTest, UnmigratedDatabaseReportsVersionZero) {
  auto fresh = make_harness(GetParam());
  const auto version = fresh->open()->schema_version();
  EXPECT_EQ(version.current, 0);
  EXPECT_EQ(version.latest, latest_shipped(GetParam()));
}

// Data loaded at version 1 gets the later migrations' indexes and rollups in one go.
TEST_P(StoreTest, MigrateToStopsAtTheVersionAndMigrateGoesOn) {
  auto fresh = make_harness(GetParam());
  auto early = fresh->open();
  EXPECT_EQ(early->migrate_to(1), 1);
  EXPECT_EQ(early->schema_version().current, 1);
  EXPECT_EQ(early->migrate_to(1), 0);
  EXPECT_EQ(early->migrate(), latest_shipped(GetParam()) - 1);
  EXPECT_EQ(early->schema_version().current, latest_shipped(GetParam()));
}

TEST_P(StoreTest, MigratorsRunningTogetherApplyEachMigrationOnce) {
  auto fresh = make_harness(GetParam());
  auto first = fresh->open();
  auto second = fresh->open();
  int applied_by_first = 0;
  int applied_by_second = 0;
  {
    std::jthread a([&] { applied_by_first = first->migrate(); });
    std::jthread b([&] { applied_by_second = second->migrate(); });
  }
  EXPECT_EQ(applied_by_first + applied_by_second, latest_shipped(GetParam()));
  EXPECT_EQ(first->schema_version().current, latest_shipped(GetParam()));
  EXPECT_EQ(second->list_channels().size(), 3u);
}

// A newer release migrated the database; this binary reports it (serve then refuses) and does not
// try to migrate it.
TEST_P(StoreTest, NewerSchemaIsReportedAndLeftAlone) {
  harness().run_sql(
      "INSERT INTO schema_migrations (version, name, applied_at)"
      " VALUES (999, 'from_the_future', CURRENT_TIMESTAMP)");
  EXPECT_EQ(store().migrate(), 0);
  const auto version = store().schema_version();
  EXPECT_EQ(version.current, 999);
  EXPECT_EQ(version.latest, latest_shipped(GetParam()));
}

}  // namespace nicecream::store::test

#include "integration/lifecycle/lifecycle_fixture.hpp"
#include "server/eventually.hpp"

namespace nicecream::testing {
namespace {

class RetentionTest : public LifecycleTest {};

TEST_P(RetentionTest, ServeRemovesWhatIsOlderThanTheRetentionAndKeepsBookmarkedSongs) {
  const auto user = store().upsert_user({"alice", "", "Alice", ""}).id;
  const auto forgotten = record(1, "Alpha - Old", 40);
  const auto bookmarked = record(1, "Beta - Old but loved", 39);
  record(1, "Gamma - Recent", 2);
  record(2, "Delta - Today", 0);
  store().add_bookmark(user, bookmarked);

  auto env = settings;
  env["NICECREAM_RETENTION_DAYS"] = "30";
  const auto server = ServerProcess::start_server(env);
  ASSERT_TRUE(server->log_contains("retention: removed 2 item(s)", std::chrono::seconds{20}))
      << server->log();
  EXPECT_TRUE(server->log_contains("and 1 song(s) left unplayed")) << server->log();

  HttpClient client(server->port());
  const auto history = client.get("/history?limit=10").json().as_array();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].at("song_title").as_string(), "Delta - Today");
  EXPECT_EQ(history[1].at("song_title").as_string(), "Gamma - Recent");
  EXPECT_EQ(client.get("/songs/" + std::to_string(forgotten)).status, 404);
  EXPECT_EQ(client.get("/songs/" + std::to_string(bookmarked)).status, 200);
}

TEST_P(RetentionTest, UnsetKeepsEverything) {
  record(1, "Alpha - Ancient", 4000);
  const auto server = ServerProcess::start_server(settings);
  HttpClient client(server->port());
  EXPECT_EQ(client.get("/history").json().as_array().size(), 1u);
  EXPECT_EQ(server->log().find("retention"), std::string::npos) << server->log();
}

TEST_P(RetentionTest, ABadValueIsAConfigurationError) {
  for (const auto* bad : {"0", "-3", "a month", "36501"}) {
    auto env = settings;
    env["NICECREAM_RETENTION_DAYS"] = bad;
    const auto result = run_nicecream({"export"}, env);
    EXPECT_EQ(result.exit_code, 2) << bad << ": " << result.output;
    EXPECT_NE(result.output.find("NICECREAM_RETENTION_DAYS"), std::string::npos) << result.output;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, RetentionTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing

// PostgreSQL that is not there yet, never comes, or goes away while serve and its crawler run:
// the process waits or fails clearly, answers 503 meanwhile (never a 500, never a hang), and
// recovers by itself, recording each title exactly once.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "event_recorder.hpp"
#include "fault_settings.hpp"
#include "http_probe.hpp"
#include "prepared_store.hpp"
#include "server/eventually.hpp"
#include "server/server_process.hpp"
#include "support/postgres/private_server.hpp"
#include "support/postgres/test_database.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

using support::postgres::exec_sql;
using support::postgres::PrivateServer;
using namespace std::chrono_literals;

Environment serve_on(const std::string& conninfo, std::uint16_t api_port) {
  return {{"DATABASE_URL", conninfo},
          {"API_PORT", std::to_string(api_port)},
          {"API_THREADS", "2"},
          {"NICECREAM_CRAWLER", "false"}};
}

bool log_says(ServerProcess& process, std::string_view text) {
  return contains(process.log(), text);
}

TEST(PostgresAtStart, ServeWaitsForTheDatabaseAndAnswersOnceItIsUp) {
  PrivateServer postgres(free_port());  // initialised, not started: nothing listens yet
  const auto api_port = free_port();
  auto env = serve_on(postgres.conninfo("nicecream"), api_port);
  env["NICECREAM_DB_CONNECT_TIMEOUT"] = "30";
  ServerProcess serve({"serve"}, env);

  ASSERT_TRUE(eventually([&] { return log_says(serve, "database unavailable (attempt 2)"); }, 25s))
      << serve.log();
  EXPECT_TRUE(serve.running());
  const auto waiting = serve.log();
  EXPECT_TRUE(contains(waiting, "Connection refused")) << waiting;
  EXPECT_TRUE(contains(waiting, "retrying in")) << waiting;
  EXPECT_FALSE(contains(waiting, "listening on")) << waiting;

  postgres.start();
  // Migrated under another name, then renamed in one step: serve never meets a database that
  // exists but has no schema yet (it would refuse that, rightly, and exit).
  exec_sql(postgres.conninfo("postgres"), "CREATE DATABASE staging");
  const auto migrated =
      run_nicecream({"migrate"}, {{"DATABASE_URL", postgres.conninfo("staging")}});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  exec_sql(postgres.conninfo("postgres"), "ALTER DATABASE staging RENAME TO nicecream");

  ASSERT_TRUE(eventually([&] { return log_says(serve, "listening on") || !serve.running(); }, 40s))
      << serve.log();
  ASSERT_TRUE(serve.running()) << serve.log();
  const auto channels = get_within(api_port, "/channels");
  ASSERT_EQ(channels.status, 200) << channels;
  EXPECT_EQ(boost::json::parse(channels.body).as_array().size(), 3u) << "the seeded channels";
}

TEST(PostgresAtStart, ServeGivesUpWithAClearMessageWhenTheDatabaseNeverComes) {
  auto env = serve_on(
      "host=127.0.0.1 port=" + std::to_string(free_port()) + " dbname=nicecream user=nicecream",
      free_port());
  env["NICECREAM_DB_CONNECT_TIMEOUT"] = "3";
  ServerProcess serve({"serve"}, env);
  EXPECT_EQ(serve.wait(30s), 4) << serve.log();
  EXPECT_TRUE(log_says(serve, "nicecream: database unavailable: ")) << serve.log();
  EXPECT_TRUE(log_says(serve, "retrying in")) << serve.log();
}

// serve with its crawler on a PostgreSQL of the test's own, two channels on the station emulator.
// The server goes down cleanly (fast: sessions are ended) or as in a crash (immediate: sessions
// just drop, and it recovers from its log at the next start).
class PostgresOutage : public ::testing::TestWithParam<PrivateServer::StopMode> {
 protected:
  void SetUp() override {
    postgres_.start();
    exec_sql(postgres_.conninfo("postgres"), "CREATE DATABASE nicecream");
    for (const auto* station : {"steady", "changing"})
      emulator_.set_title(station, opening(station));
    ids_ = prepare_postgres(database(),
                            {voscast_channel("steady", emulator_.url("steady", "display.js")),
                             voscast_channel("changing", emulator_.url("changing", "display.js"))});
    server_ = ServerProcess::start_server(crawling_every_second(
        {{"DATABASE_URL", database()}, {"NICECREAM_DB_CONNECT_TIMEOUT", "10"}}));
    for (const auto* station : {"steady", "changing"})
      ASSERT_TRUE(eventually([&] { return titles(station).size() == 1; })) << server_->log();
  }

  std::string database() const { return postgres_.conninfo("nicecream"); }
  static std::string opening(const std::string& station) { return station + " - Opening Track"; }
  std::vector<std::string> titles(const std::string& station) {
    return titles_of(server_->port(), ids_.at(station));
  }
  // Proof the crawler asked the station again (and so tried to record) after what the test did.
  bool polled_again(const std::string& station, std::int64_t more = 3) {
    const auto seen = emulator_.state(station).requests;
    return eventually([&] { return emulator_.state(station).requests >= seen + more; });
  }

  PrivateServer postgres_{free_port()};
  StationEmulator emulator_;
  ChannelIds ids_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(PostgresOutage, RequestsAnswer503WhileItIsDownAndRecoverWithoutARestart) {
  EventRecorder live(server_->port());
  ASSERT_EQ(live.status(), 200);
  postgres_.stop(GetParam());

  // Queries no cache can answer: every one goes to the database.
  for (const auto* target : {"/channels", "/history?offset=7", "/history?limit=3&channel_id=1",
                             "/history?before=999999"}) {
    const auto answer = get_within(server_->port(), target);
    EXPECT_TRUE(is_unavailable_answer(answer)) << target << ": " << answer;
  }
  // A page read before the outage may come from the cache; either way, never a 500.
  const auto cached = get_within(server_->port(), "/history");
  EXPECT_TRUE(cached.status == 200 || is_unavailable_answer(cached)) << cached;

  emulator_.set_title("changing", "changing - During The Outage");
  ASSERT_TRUE(polled_again("changing"));
  ASSERT_TRUE(polled_again("steady"));
  EXPECT_TRUE(eventually([&] { return contains(server_->log(), "crawler: store unavailable"); }))
      << server_->log();
  EXPECT_TRUE(server_->running());
  EXPECT_TRUE(is_unavailable_answer(get_within(server_->port(), "/channels")));

  postgres_.start();
  EXPECT_TRUE(eventually([&] { return get_within(server_->port(), "/channels").status == 200; }))
      << server_->log();
  ASSERT_TRUE(eventually([&] { return titles("changing").size() == 2; })) << server_->log();
  ASSERT_TRUE(polled_again("changing"));
  ASSERT_TRUE(polled_again("steady"));

  // The crawler kept its last titles: the steady one is not recorded again, the one that changed
  // during the outage is recorded once, after it.
  EXPECT_EQ(titles("steady"), std::vector<std::string>{opening("steady")});
  EXPECT_EQ(titles("changing"),
            (std::vector<std::string>{opening("changing"), "changing - During The Outage"}));

  // A live client connected through the outage hears of the change once.
  ASSERT_TRUE(eventually([&] { return live.count() >= 1 || live.ended(); }));
  const auto heard = live.items();
  ASSERT_EQ(heard.size(), 1u) << "stream ended: " << live.ended();
  EXPECT_EQ(heard[0].song_title, "changing - During The Outage");
  EXPECT_TRUE(server_->running());
}

INSTANTIATE_TEST_SUITE_P(StopModes, PostgresOutage,
                         ::testing::Values(PrivateServer::StopMode::fast,
                                           PrivateServer::StopMode::immediate),
                         [](const auto& info) {
                           return info.param == PrivateServer::StopMode::fast ? "Fast"
                                                                              : "Immediate";
                         });

}  // namespace
}  // namespace nicecream::testing

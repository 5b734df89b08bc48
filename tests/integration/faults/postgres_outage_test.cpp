// PostgreSQL that is not there yet, never comes, or goes away while serve and its crawler run:
// the process waits or fails clearly, answers 503 meanwhile (never a 500, never a hang), and
// recovers by itself, recording each title exactly once.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <future>

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

// How the database goes away: stopped cleanly (sessions are ended), stopped as in a crash
// (sessions just drop; it recovers from its log at the next start), or frozen (connections hang:
// nothing is refused, nothing answered).
enum class Outage { stopped, crashed, frozen };

std::string outage_name(const ::testing::TestParamInfo<Outage>& info) {
  switch (info.param) {
    case Outage::stopped:
      return "Stopped";
    case Outage::crashed:
      return "Crashed";
    case Outage::frozen:
      return "Frozen";
  }
  return "Unknown";
}

// serve with its crawler on a PostgreSQL of the test's own, two channels on the station emulator.
class PostgresOutage : public ::testing::TestWithParam<Outage> {
 protected:
  void SetUp() override {
    postgres_.start();
    exec_sql(postgres_.conninfo("postgres"), "CREATE DATABASE nicecream");
    for (const auto* station : {"steady", "changing"})
      emulator_.set_title(station, opening(station));
    ids_ = prepare_postgres(database(),
                            {voscast_channel("steady", emulator_.url("steady", "display.js")),
                             voscast_channel("changing", emulator_.url("changing", "display.js"))});
    // A short backoff: while the crawler's thread waits on a frozen database, a fetch it had in
    // flight can run out of time and count as the station's failure; the station must then come
    // back within the test, as it does with the default backoff in production.
    server_ = ServerProcess::start_server(crawling_every_second(
        {{"DATABASE_URL", database()}, {"NICECREAM_DB_CONNECT_TIMEOUT", "10"}}, 2));
    for (const auto* station : {"steady", "changing"})
      ASSERT_TRUE(eventually([&] { return titles(station).size() == 1; })) << server_->log();
  }

  void take_the_database_away() {
    switch (GetParam()) {
      case Outage::stopped:
        return postgres_.stop(PrivateServer::StopMode::fast);
      case Outage::crashed:
        return postgres_.stop(PrivateServer::StopMode::immediate);
      case Outage::frozen:
        return postgres_.freeze();
    }
  }

  void bring_the_database_back() {
    if (GetParam() == Outage::frozen) return postgres_.thaw();
    postgres_.start();
  }

  // A refused connection is noticed at once; a frozen server only when the store gives up
  // waiting for its answer (or for a new connection), which takes seconds, never forever.
  std::chrono::milliseconds answer_limit() const { return GetParam() == Outage::frozen ? 30s : 5s; }

  // The crawler's loop waits on the store too, so with a frozen database it comes round only
  // when the store gives up; a poll or two then takes as long as several otherwise.
  std::int64_t outage_polls() const { return GetParam() == Outage::frozen ? 1 : 3; }

  // GETs of `first` then `second`, sent at once; the answers in that order.
  std::vector<Answer> answers_to(const std::vector<std::string>& first,
                                 const std::vector<std::string>& second) {
    std::vector<std::future<Answer>> pending;
    for (const auto* targets : {&first, &second})
      for (const auto& target : *targets)
        pending.push_back(std::async(std::launch::async, [this, target] {
          return get_within(server_->port(), target, answer_limit());
        }));
    std::vector<Answer> answers;
    for (auto& answer : pending) answers.push_back(answer.get());
    return answers;
  }

  std::string database() const { return postgres_.conninfo("nicecream"); }
  static std::string opening(const std::string& station) { return station + " - Opening Track"; }
  std::vector<std::string> titles(const std::string& station) {
    return titles_of(server_->port(), ids_.at(station));
  }
  // Proof the crawler asked the station again (and so tried to record) after what the test did.
  bool polled_again(const std::string& station, std::int64_t more = 3) {
    const auto seen = emulator_.state(station).requests;
    return eventually([&] { return emulator_.state(station).requests >= seen + more; }, 90s);
  }

  PrivateServer postgres_{free_port()};
  StationEmulator emulator_;
  ChannelIds ids_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(PostgresOutage, RequestsAnswer503WhileItIsAwayAndRecoverWithoutARestart) {
  EventRecorder live(server_->port());
  ASSERT_EQ(live.status(), 200);
  take_the_database_away();

  // Pages no cache can answer: each goes to the database and gets the outage answer in time.
  // What may come from memory (channels, a page read before) is a 200 or the same 503. Asked all
  // at once, as browsers would.
  const std::vector<std::string> uncached = {"/history?offset=7", "/history?limit=3&channel_id=1",
                                             "/history?before=999999", "/history?offset=8"};
  const std::vector<std::string> maybe_cached = {"/channels", "/history"};
  const auto answers = answers_to(uncached, maybe_cached);
  for (std::size_t i = 0; i < uncached.size(); ++i)
    EXPECT_TRUE(is_unavailable_answer(answers[i])) << uncached[i] << ": " << answers[i];
  for (std::size_t i = 0; i < maybe_cached.size(); ++i) {
    const auto& answer = answers[uncached.size() + i];
    EXPECT_TRUE(answer.status == 200 || is_unavailable_answer(answer))
        << maybe_cached[i] << ": " << answer;
  }

  emulator_.set_title("changing", "changing - During The Outage");
  ASSERT_TRUE(polled_again("changing", outage_polls()));
  EXPECT_TRUE(eventually([&] { return contains(server_->log(), "crawler: store unavailable"); }))
      << server_->log();
  EXPECT_TRUE(server_->running());
  const auto still = get_within(server_->port(), "/history?offset=9", answer_limit());
  EXPECT_TRUE(is_unavailable_answer(still)) << still;

  bring_the_database_back();
  EXPECT_TRUE(eventually(
      [&] {
        return get_within(server_->port(), "/history?offset=10", answer_limit()).status == 200;
      },
      60s))
      << server_->log();
  ASSERT_TRUE(eventually([&] { return titles("changing").size() == 2; }, 60s)) << server_->log();
  ASSERT_TRUE(polled_again("changing")) << server_->log();
  ASSERT_TRUE(polled_again("steady")) << server_->log();

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

INSTANTIATE_TEST_SUITE_P(Outages, PostgresOutage,
                         ::testing::Values(Outage::stopped, Outage::crashed, Outage::frozen),
                         outage_name);

}  // namespace
}  // namespace nicecream::testing

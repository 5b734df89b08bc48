// GET /healthz and /readyz: ready while the database answers, 503 naming it while PostgreSQL is
// stopped, ready again once it is back, without a restart; /healthz answers throughout.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http_probe.hpp"
#include "server/eventually.hpp"
#include "server/server_process.hpp"
#include "support/postgres/private_server.hpp"
#include "support/postgres/test_database.hpp"

namespace nicecream::testing {
namespace {

using support::postgres::exec_sql;
using support::postgres::PrivateServer;
using namespace std::chrono_literals;

boost::json::object json_of(const Answer& answer) {
  return boost::json::parse(answer.body).as_object();
}

TEST(Readiness, ReadyWithTheEmbeddedStore) {
  auto server = ServerProcess::start_server();
  const auto health = get_within(server->port(), "/healthz");
  EXPECT_EQ(health.status, 200) << health;
  const auto ready = get_within(server->port(), "/readyz");
  ASSERT_EQ(ready.status, 200) << ready;
  const auto body = json_of(ready);
  EXPECT_EQ(body.at("status"), "ready");
  EXPECT_EQ(body.at("checks").at("database"), "ok");
  EXPECT_EQ(body.at("checks").at("schema"), "ok");
  EXPECT_FALSE(body.at("checks").as_object().contains("redis")) << "no Redis configured";
}

TEST(Readiness, NotReadyWhilePostgresIsStoppedAndReadyAgainWhenItIsBack) {
  PrivateServer postgres(free_port());
  postgres.start();
  exec_sql(postgres.conninfo("postgres"), "CREATE DATABASE nicecream");
  const auto database = postgres.conninfo("nicecream");
  const auto migrated = run_nicecream({"migrate"}, {{"DATABASE_URL", database}});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  auto server = ServerProcess::start_server({{"DATABASE_URL", database}});
  const auto port = server->port();
  ASSERT_EQ(get_within(port, "/readyz").status, 200) << server->log();

  postgres.stop(PrivateServer::StopMode::fast);
  Answer answer;
  ASSERT_TRUE(eventually([&] {
    answer = get_within(port, "/readyz", 10s);
    return answer.status == 503;
  })) << answer
      << "\n"
      << server->log();
  // The one error shape, its detail naming what is not ready and why.
  const auto body = json_of(answer);
  EXPECT_EQ(body.size(), 1u) << answer;
  const std::string detail(body.at("detail").as_string());
  EXPECT_TRUE(detail.starts_with("Not ready: database (unavailable: ")) << answer;
  EXPECT_TRUE(detail.find("schema (unknown") != std::string::npos) << answer;
  EXPECT_EQ(get_within(port, "/healthz").status, 200) << "the process still serves";

  postgres.start();
  EXPECT_TRUE(eventually([&] {
    answer = get_within(port, "/readyz", 10s);
    return answer.status == 200;
  })) << answer
      << "\n"
      << server->log();
  EXPECT_TRUE(server->running());
}

TEST(Readiness, NotReadyWhenTheSchemaIsBehindTheBinary) {
  // serve refuses to start on an old schema, so the schema goes back under a running server.
  support::postgres::TestDatabase database;
  const auto migrated = run_nicecream({"migrate"}, {{"DATABASE_URL", database.conninfo()}});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  auto server = ServerProcess::start_server({{"DATABASE_URL", database.conninfo()}});
  ASSERT_EQ(get_within(server->port(), "/readyz").status, 200) << server->log();
  exec_sql(database.conninfo(),
           "DELETE FROM schema_migrations WHERE version = "
           "(SELECT max(version) FROM schema_migrations)");
  const auto answer = get_within(server->port(), "/readyz");
  ASSERT_EQ(answer.status, 503) << answer;
  const std::string detail(json_of(answer).at("detail").as_string());
  EXPECT_TRUE(detail.starts_with("Not ready: schema (at version ")) << answer;
  EXPECT_TRUE(detail.find(", this binary needs ") != std::string::npos) << answer;
  EXPECT_EQ(detail.find("database"), std::string::npos) << "the database answers: " << answer;
}

}  // namespace
}  // namespace nicecream::testing

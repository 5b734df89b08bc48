// Station health through the real binary on both engines: /channels' status and the outage
// routes' answers to bad input. (The station-down-and-back and kill -9 scenarios are still to
// land: docs/decisions/station-health.md.)
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fault_settings.hpp"
#include "prepared_store.hpp"
#include "server/eventually.hpp"
#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "support/postgres/test_database.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

// A database of either engine, prepared with `channels`; env() points the binary at it.
class Database {
 public:
  virtual ~Database() = default;
  virtual ChannelIds prepare(const std::vector<domain::NewChannel>& channels) = 0;
  virtual Environment env() const = 0;
};

class SqliteDatabase final : public Database {
 public:
  ChannelIds prepare(const std::vector<domain::NewChannel>& channels) override {
    return prepare_sqlite(dir(), channels);
  }
  Environment env() const override { return {{"NICECREAM_DATA_DIR", dir()}}; }

 private:
  std::string dir() const { return (root_.path() / "data").string(); }
  TempDir root_;
};

class PostgresDatabase final : public Database {
 public:
  ChannelIds prepare(const std::vector<domain::NewChannel>& channels) override {
    return prepare_postgres(database_.conninfo(), channels);
  }
  Environment env() const override { return {{"DATABASE_URL", database_.conninfo()}}; }

 private:
  support::postgres::TestDatabase database_;
};

std::string state_of(const json::value& channel) {
  return std::string(channel.at("status").at("state").as_string());
}

class StationHealth : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite")
      database_ = std::make_unique<SqliteDatabase>();
    else
      database_ = std::make_unique<PostgresDatabase>();
    emulator_.set_title("flaky", "Flaky - One");
    ids_ = database_->prepare({voscast_channel("flaky", emulator_.url("flaky", "display.js")),
                               // Nothing listens on port 1: the connection is refused.
                               voscast_channel("gone", "http://127.0.0.1:1/display.js")});
  }

  // Polling every second, a failing station retried every second too.
  Environment crawling() const { return crawling_every_second(database_->env(), 1); }

  json::value channel(HttpClient& client, const std::string& name) {
    const auto channels = client.get("/channels").json();
    for (const auto& found : channels.as_array())
      if (found.at("name").as_string() == name) return found;
    ADD_FAILURE() << "no channel " << name;
    return json::object{};
  }

  bool reaches(HttpClient& client, const std::string& name, const std::string& state) {
    return eventually([&] { return state_of(channel(client, name)) == state; }, 30s);
  }

  json::array outages(HttpClient& client, const std::string& name, const std::string& query = "") {
    const auto response =
        client.get("/channels/" + std::to_string(ids_.at(name)) + "/outages" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json().as_array();
  }

  std::unique_ptr<Database> database_;
  StationEmulator emulator_;
  ChannelIds ids_;
};

TEST_P(StationHealth, BadOutageQueriesAreClearErrors) {
  auto server = ServerProcess::start_server(database_->env());
  HttpClient client(server->port());
  const auto base = "/channels/" + std::to_string(ids_.at("flaky")) + "/outages";
  EXPECT_EQ(client.get(base + "?from=yesterday").status, 422);
  EXPECT_EQ(client.get(base + "?limit=0").status, 422);
  EXPECT_EQ(client.get(base + "?colour=red").status, 422);
  EXPECT_EQ(client.get(base + "?from=2026-12-04T17:00:00Z&to=2026-12-04T16:00:00Z").status, 422);
  EXPECT_EQ(client.get("/channels/0/outages").status, 422);
  EXPECT_EQ(client.get("/channels/99999/outages").status, 404);
  EXPECT_EQ(client.get(base).json(), json::array{});
  EXPECT_EQ(client.get("/history?gaps=maybe").status, 422);
  EXPECT_EQ(client.get("/history?gaps=true&offset=5").status, 422);
  EXPECT_EQ(client.get("/history?gaps=true&q=flaky").status, 422);
  // Never polled (no crawler here): pending, times null.
  const auto status = client.get("/channels").json().at(0).at("status");
  EXPECT_EQ(status.at("state"), "pending");
  EXPECT_TRUE(status.at("since").is_null());
  EXPECT_TRUE(status.at("error").is_null());
}

INSTANTIATE_TEST_SUITE_P(Engines, StationHealth, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace nicecream::testing

// A station that goes down and comes back is one closed outage and the states ok -> failing -> ok,
// seen in /channels, /channels/{id}/outages, /history?gaps=true and the live `channel` events; a
// crawl process killed -9 mid-outage leaves no duplicate or dangling outage. Both engines.
#include <gtest/gtest.h>
#include <signal.h>

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

// The `channel` events of `name` until `quiet` passes without any event at all.
std::vector<std::string> channel_states(EventStreamClient& stream, std::int64_t channel_id,
                                        std::chrono::milliseconds quiet) {
  std::vector<std::string> states;
  while (auto event = stream.next_event(quiet)) {
    if (event->count("event") == 0 || event->at("event") != "channel") continue;
    EXPECT_EQ(event->count("id"), 0u) << "a channel event carries no history id";
    const auto data = json::parse(event->at("data"));
    if (data.at("id").as_int64() == channel_id) states.push_back(state_of(data));
  }
  return states;
}

TEST_P(StationHealth, AStationDownAndBackIsOneClosedOutageEverywhere) {
  auto server = ServerProcess::start_server(crawling());
  HttpClient client(server->port());
  EventStreamClient live(server->port(), "/history/events");
  ASSERT_EQ(live.status(), 200);
  ASSERT_TRUE(reaches(client, "flaky", "ok")) << server->log();

  emulator_.set_mode("flaky", "500");
  ASSERT_TRUE(reaches(client, "flaky", "failing")) << server->log();
  const auto failing = channel(client, "flaky").at("status");
  EXPECT_EQ(failing.at("error"), "HTTP 500");
  const auto open = outages(client, "flaky");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_TRUE(open[0].at("ended_at").is_null());
  EXPECT_EQ(open[0].at("started_at"), failing.at("since"));

  emulator_.set_mode("flaky", "ok");
  emulator_.set_title("flaky", "Flaky - Two");
  ASSERT_TRUE(reaches(client, "flaky", "ok")) << server->log();
  const auto closed = outages(client, "flaky");
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].at("reason"), "HTTP 500");
  EXPECT_EQ(closed[0].at("ended_at"), channel(client, "flaky").at("status").at("since"));

  // The states went ok -> failing -> ok, each once (the first ok may precede the stream).
  auto states = channel_states(live, ids_.at("flaky"), 3s);
  if (!states.empty() && states.front() == "ok") states.erase(states.begin());
  EXPECT_EQ(states, (std::vector<std::string>{"failing", "ok"}));

  // The gap sits between the title before and the title after.
  ASSERT_TRUE(eventually([&] {
    const auto page =
        client.get("/history?gaps=true&channel_id=" + std::to_string(ids_.at("flaky"))).json();
    return page.as_array().size() == 3;
  }));
  const auto page =
      client.get("/history?gaps=true&channel_id=" + std::to_string(ids_.at("flaky"))).json();
  EXPECT_EQ(page.at(0).at("type"), "item");
  EXPECT_EQ(page.at(0).at("song_title"), "Flaky - Two");
  EXPECT_EQ(page.at(1).at("type"), "gap");
  EXPECT_EQ(page.at(1).at("reason"), "HTTP 500");
  EXPECT_EQ(page.at(1).at("ended_at"), closed[0].at("ended_at"));
  EXPECT_EQ(page.at(2).at("song_title"), "Flaky - One");
  // Without gaps nothing changes.
  const auto plain = client.get("/history").json();  // held: the loop reads into it
  for (const auto& item : plain.as_array()) EXPECT_FALSE(item.as_object().contains("type"));

  const auto gone = channel(client, "gone").at("status");
  EXPECT_EQ(gone.at("state"), "failing");
  EXPECT_EQ(gone.at("error"), "connection refused");
  EXPECT_EQ(outages(client, "gone").size(), 1u);
}

// serve reads the store; a separate crawl process holds the channels. Killed -9 while the station
// is down, its successor (after the lease lapses) continues the same outage and closes it.
TEST_P(StationHealth, ACrawlerKilledMidOutageLeavesNoDuplicateOrDanglingOutage) {
  auto crawl_env = crawling();
  crawl_env["NICECREAM_CRAWLER_LEASE_TTL"] = "3";
  auto server = ServerProcess::start_server(database_->env());
  HttpClient client(server->port());
  emulator_.set_mode("flaky", "500");
  {
    ServerProcess crawl({"crawl"}, crawl_env);
    ASSERT_TRUE(reaches(client, "flaky", "failing")) << crawl.log();
    crawl.signal(SIGKILL);
    EXPECT_EQ(crawl.wait(), 128 + SIGKILL);
  }
  const auto since = channel(client, "flaky").at("status").at("since");
  ServerProcess successor({"crawl"}, crawl_env);
  const auto requests = emulator_.state("flaky").requests;
  ASSERT_TRUE(eventually([&] { return emulator_.state("flaky").requests >= requests + 3; }))
      << successor.log();
  EXPECT_EQ(channel(client, "flaky").at("status").at("since"), since) << "the same outage";
  const auto continued = outages(client, "flaky");
  ASSERT_EQ(continued.size(), 1u);
  EXPECT_TRUE(continued[0].at("ended_at").is_null());

  emulator_.set_mode("flaky", "ok");
  ASSERT_TRUE(reaches(client, "flaky", "ok")) << successor.log();
  const auto closed = outages(client, "flaky");
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_FALSE(closed[0].at("ended_at").is_null());
  EXPECT_EQ(closed[0].at("started_at"), since);
  successor.signal(SIGTERM);
  EXPECT_EQ(successor.wait(30s), 0) << successor.log();
}

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

// A channel removed by one process leaves every other process's cached pages at once: the
// removal travels on Redis like a status change, and each `serve` drops its page cache on it.
// The other process here is `nicecream channels remove` on the same SQLite file and Redis;
// DELETE /channels publishes the same event (tests/integration/admin checks that it does).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/events/redis_server.hpp"
#include "server/eventually.hpp"
#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::testing {
namespace {

std::size_t history_size(HttpClient& client) {
  return client.get("/history").json().as_array().size();
}

TEST(ChannelRemovalAcrossProcesses, AnotherProcessDropsItsCachedPagesOfTheChannel) {
  RedisServer redis;
  redis.start();
  const std::map<std::string, std::string> shared_redis{
      {"REDIS_HOST", "127.0.0.1"}, {"REDIS_PORT", std::to_string(redis.port())}};
  auto server = ServerProcess::start_server(shared_redis);
  HttpClient client(server->port());
  const auto data_dir = server->data_dir() / "data";
  const auto channel = [&] {
    auto store = store::sqlite::open_sqlite_store(data_dir);
    const auto id = store->list_channels().front().id;
    store->record_title(id, "Gone - Song", domain::now());
    return id;
  }();
  ASSERT_EQ(history_size(client), 1u) << server->log();
  ASSERT_EQ(client.get("/channels").json().as_array().size(), 3u);

  auto env = shared_redis;
  env["NICECREAM_DATA_DIR"] = data_dir.string();
  const auto removed = run_nicecream({"channels", "remove", std::to_string(channel)}, env);
  ASSERT_EQ(removed.exit_code, 0) << removed.output;
  EXPECT_TRUE(eventually([&] { return history_size(client) == 0; }))
      << "the history page cached before the removal is still served\n"
      << server->log();
  EXPECT_EQ(client.get("/channels").json().as_array().size(), 2u);
}

}  // namespace
}  // namespace nicecream::testing

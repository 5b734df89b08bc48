// GET /readyz with Redis configured: ready while serve is subscribed, 503 naming Redis while
// its Redis is away, ready again once the subscription is back (a Redis of the test's own).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "integration/events/redis_server.hpp"
#include "server/eventually.hpp"
#include "server/http_client.hpp"
#include "server/server_process.hpp"

namespace nicecream::testing {
namespace {

TEST(RedisReadiness, NotReadyWhileRedisIsAwayAndReadyAgainWhenItIsBack) {
  RedisServer redis;
  redis.start();
  auto server = ServerProcess::start_server(
      {{"REDIS_HOST", "127.0.0.1"}, {"REDIS_PORT", std::to_string(redis.port())}});
  HttpClient client(server->port());
  auto answer = client.get("/readyz");
  ASSERT_EQ(answer.status, 200) << answer.body << "\n" << server->log();
  EXPECT_EQ(answer.json().at("checks").at("redis"), "ok") << answer.body;

  redis.kill();
  ASSERT_TRUE(eventually([&] {
    answer = client.get("/readyz");
    return answer.status == 503;
  })) << answer.body
      << "\n"
      << server->log();
  EXPECT_EQ(answer.json().at("detail"), "Not ready: redis (not connected).") << answer.body;
  EXPECT_EQ(client.get("/healthz").status, 200);

  redis.start();
  EXPECT_TRUE(eventually([&] {
    answer = client.get("/readyz");
    return answer.status == 200;
  })) << answer.body
      << "\n"
      << server->log();
}

}  // namespace
}  // namespace nicecream::testing

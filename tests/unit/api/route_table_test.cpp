#include "api/common/route_table.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <optional>

#include "api/common/responses.hpp"

namespace nicecream::api {
namespace {

using boost::beast::http::verb;

class RouteTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RouteTable routes(router, writes);
    const auto ok = [this](http::Request&) -> boost::asio::awaitable<http::Response> {
      ++handled;
      co_return json_body_response(Status::ok, "{}");
    };
    routes.add(verb::get, "/read", ok);
    routes.add(verb::post, "/write", ok, {.write_limited = true});
  }

  http::Response send(verb method, std::string path, std::string address = "10.0.0.1") {
    http::Request request;
    request.message.method(method);
    request.path = std::move(path);
    request.remote_address = std::move(address);
    auto found = router.find(method, request.path);
    const auto* route = std::get_if<http::Router::Found>(&found);
    EXPECT_TRUE(route);
    std::optional<http::Response> response;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> { response = co_await (*route->handler)(request); },
        boost::asio::detached);
    io.restart();
    io.run();
    return std::move(*response);
  }

  boost::asio::io_context io;
  http::Router router;
  RateLimiter writes{2};
  int handled = 0;
};

TEST_F(RouteTableTest, AWriteLimitedRouteIsRefusedBeyondTheRateWithoutRunning) {
  EXPECT_EQ(send(verb::post, "/write").message.result(), Status::ok);
  EXPECT_EQ(send(verb::post, "/write").message.result(), Status::ok);
  const auto refused = send(verb::post, "/write");
  EXPECT_EQ(refused.message.result(), Status::too_many_requests);
  EXPECT_EQ(refused.message[boost::beast::http::field::retry_after], "30");
  EXPECT_EQ(refused.message.body(), R"({"detail":"Too many requests; slow down."})");
  EXPECT_EQ(handled, 2);
  EXPECT_EQ(send(verb::post, "/write", "10.0.0.2").message.result(), Status::ok)
      << "per client address";
}

TEST_F(RouteTableTest, OtherRoutesAreNotLimited) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(send(verb::get, "/read").message.result(), Status::ok);
  EXPECT_EQ(handled, 5);
}

}  // namespace
}  // namespace nicecream::api

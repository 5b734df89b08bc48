#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

namespace nicecream::http {
namespace {

using boost::beast::http::verb;

Handler named(int& calls) {
  return [&calls](Request&) -> boost::asio::awaitable<Response> {
    ++calls;
    co_return Response{};
  };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(verb::get, "/", named(calls));
    router.add(verb::get, "/history", named(calls));
    router.add(verb::get, "/history/events", named(calls));
    router.add(verb::get, "/user/bookmarks", named(calls));
    router.add(verb::post, "/user/bookmarks", named(calls));
    router.add(verb::delete_, "/user/bookmarks/{bookmark_id:int}", named(calls));
    router.add(verb::get, "/docs/{file}", named(calls));
  }
  Router router;
  int calls = 0;
};

// Metrics and logs label requests by the template, whatever the path's values.
TEST_F(RouterTest, AFoundRouteNamesItsPattern) {
  const auto found = router.find(verb::delete_, "/user/bookmarks/42");
  ASSERT_TRUE(std::holds_alternative<Router::Found>(found));
  EXPECT_EQ(*std::get<Router::Found>(found).pattern, "/user/bookmarks/{bookmark_id:int}");
  const auto file = router.find(verb::get, "/docs/index.html");
  ASSERT_TRUE(std::holds_alternative<Router::Found>(file));
  EXPECT_EQ(*std::get<Router::Found>(file).pattern, "/docs/{file}");
}

TEST_F(RouterTest, FindsLiteralRoutes) {
  EXPECT_TRUE(std::holds_alternative<Router::Found>(router.find(verb::get, "/history")));
  EXPECT_TRUE(std::holds_alternative<Router::Found>(router.find(verb::get, "/history/events")));
  EXPECT_TRUE(std::holds_alternative<Router::Found>(router.find(verb::get, "/")));
}

TEST_F(RouterTest, UnknownPathIsNotFound) {
  EXPECT_TRUE(std::holds_alternative<Router::NotFound>(router.find(verb::get, "/nope")));
  EXPECT_TRUE(std::holds_alternative<Router::NotFound>(router.find(verb::get, "/history/x")));
  EXPECT_TRUE(std::holds_alternative<Router::NotFound>(router.find(verb::get, "/history/")));
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
  const auto result = router.find(verb::put, "/user/bookmarks");
  ASSERT_TRUE(std::holds_alternative<Router::MethodNotAllowed>(result));
  EXPECT_EQ(std::get<Router::MethodNotAllowed>(result).allow, "GET, POST");
  EXPECT_EQ(router.allowed_methods("/user/bookmarks/7"), "DELETE");
}

TEST_F(RouterTest, CapturesTypedParameters) {
  auto result = router.find(verb::delete_, "/user/bookmarks/42");
  ASSERT_TRUE(std::holds_alternative<Router::Found>(result));
  const auto& found = std::get<Router::Found>(result);
  EXPECT_EQ(found.params.integer("bookmark_id"), 42);
  EXPECT_EQ(found.params.get("bookmark_id"), "42");
}

TEST_F(RouterTest, NegativeIntegersMatchSoHandlersCanRangeCheck) {
  auto result = router.find(verb::delete_, "/user/bookmarks/-3");
  ASSERT_TRUE(std::holds_alternative<Router::Found>(result));
  EXPECT_EQ(std::get<Router::Found>(result).params.integer("bookmark_id"), -3);
}

TEST_F(RouterTest, NonIntegerCaptureIsABadParameter) {
  for (const auto* path :
       {"/user/bookmarks/abc", "/user/bookmarks/1.5", "/user/bookmarks/99999999999999999999"}) {
    const auto result = router.find(verb::delete_, path);
    ASSERT_TRUE(std::holds_alternative<Router::BadParam>(result)) << path;
    EXPECT_EQ(std::get<Router::BadParam>(result).name, "bookmark_id");
  }
}

TEST_F(RouterTest, UntypedCaptureTakesAnySegmentButNotAnEmptyOne) {
  EXPECT_TRUE(std::holds_alternative<Router::Found>(router.find(verb::get, "/docs/a.css")));
  EXPECT_TRUE(std::holds_alternative<Router::NotFound>(router.find(verb::get, "/docs/")));
}

void call(const Router::Result& result) {
  ASSERT_TRUE(std::holds_alternative<Router::Found>(result));
  boost::asio::io_context context;
  Request request;
  boost::asio::co_spawn(context, (*std::get<Router::Found>(result).handler)(request),
                        boost::asio::detached);
  context.run();
}

TEST(RouterOrder, FirstMatchingRouteWins) {
  Router router;
  int first = 0, second = 0;
  router.add(verb::get, "/channels", named(first));
  router.add(verb::get, "/{file}", named(second));
  call(router.find(verb::get, "/channels"));
  call(router.find(verb::get, "/favicon.ico"));
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, 1);
}

}  // namespace
}  // namespace nicecream::http

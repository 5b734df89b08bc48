#include <gtest/gtest.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "api/common/page_cache.hpp"

namespace nicecream::api {
namespace {

namespace asio = boost::asio;

// Requests for one page whose load waits at a gate until the test opens it, answered and written
// as the connection does (it keeps what the handler asks it to keep).
class Pages {
 public:
  Pages() : gate_(io_, std::chrono::hours{1}) {}

  void request(bool written = true) { asio::co_spawn(io_, answer(written), asio::detached); }
  void invalidate() {
    asio::post(io_, [this] { cache_.invalidate(); });
  }
  void open_gate() {
    asio::post(io_, [this] {
      open_ = true;
      gate_.cancel();
    });
  }
  void run() { io_.run_for(std::chrono::seconds{10}); }

  int loads = 0;
  std::vector<PageCache::Page> answers;  // what each written response was, in order

 private:
  asio::awaitable<void> answer(bool written) {
    auto response = co_await cached_json_page(cache_, "page", std::chrono::minutes{1},
                                              [this] { return load(); });
    if (!written) co_return;  // the client left: the response goes unwritten
    if (response.keep) {
      response.serialized = std::make_shared<const http::SerializedResponse>(response);
      response.keep(response.serialized);
    }
    answers.push_back(response.serialized);
  }

  asio::awaitable<std::string> load() {
    const int number = ++loads;
    if (!open_) co_await gate_.async_wait(asio::as_tuple(asio::use_awaitable));
    co_return "[" + std::to_string(number) + "]";
  }

  asio::io_context io_;
  asio::steady_timer gate_;
  bool open_ = false;
  PageCache cache_;
};

TEST(PageFlight, RequestsThatMissTogetherWaitForOneLoad) {
  Pages pages;
  pages.request();
  pages.request();
  pages.request();
  pages.open_gate();
  pages.run();
  EXPECT_EQ(pages.loads, 1);
  ASSERT_EQ(pages.answers.size(), 3u);
  EXPECT_EQ(pages.answers[1], pages.answers[0]);
  EXPECT_EQ(pages.answers[2], pages.answers[0]);
}

TEST(PageFlight, WaitersLoadThePageThemselvesWhenTheLoadIsNotWritten) {
  Pages pages;
  pages.request(false);
  pages.request();
  pages.open_gate();
  pages.run();
  EXPECT_EQ(pages.loads, 2);
  ASSERT_EQ(pages.answers.size(), 1u);
  ASSERT_TRUE(pages.answers[0]);
}

TEST(PageFlight, ARequestAfterAnInvalidationDoesNotWaitForTheOlderLoad) {
  Pages pages;
  pages.request();
  pages.invalidate();  // a new item: the page being loaded may not show it
  pages.request();
  pages.open_gate();
  pages.run();
  EXPECT_EQ(pages.loads, 2);
  ASSERT_EQ(pages.answers.size(), 2u);
  EXPECT_NE(pages.answers[0], pages.answers[1]);
}

}  // namespace
}  // namespace nicecream::api

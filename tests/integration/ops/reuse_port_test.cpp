// API_REUSE_PORT: `serve` processes that all set it listen on one port and the kernel spreads new
// connections among them (how one machine holds more streams than one process's descriptors
// allow); without it a second process on a taken port stops with a clear error.
#include <gtest/gtest.h>

#include "http_probe.hpp"
#include "server/eventually.hpp"
#include "server/server_process.hpp"

namespace nicecream::testing {
namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(ReusePort, ProcessesThatAskShareThePortAndBothServe) {
  auto first = ServerProcess::start_server({{"API_REUSE_PORT", "true"}});
  const auto port = std::to_string(first->port());
  auto second = ServerProcess::start_server({{"API_REUSE_PORT", "true"}, {"API_PORT", port}});
  ASSERT_EQ(second->port(), first->port());
  // Each request on a new connection: the kernel picks a listener per connection by its
  // addresses' hash, so 64 of them all reaching one process would be a 1 in 2^63 chance.
  constexpr int kRequests = 64;
  for (int i = 0; i < kRequests; ++i)
    ASSERT_EQ(get_within(first->port(), "/healthz?n=" + std::to_string(i)).status, 200);
  // The logs are flushed at least once a second; wait until every request shows in one of them.
  std::size_t first_served = 0, second_served = 0;
  eventually([&] {
    first_served = count_of(first->log(), "GET /healthz?n=");
    second_served = count_of(second->log(), "GET /healthz?n=");
    return first_served + second_served >= kRequests;
  });
  EXPECT_EQ(first_served + second_served, static_cast<std::size_t>(kRequests));
  EXPECT_GT(first_served, 0U);
  EXPECT_GT(second_served, 0U);
}

TEST(ReusePort, WithoutItASecondProcessOnATakenPortStopsSayingSo) {
  auto first = ServerProcess::start_server();
  const auto port = std::to_string(first->port());
  TempDir data;
  const auto second = run_nicecream({"serve"}, {{"API_PORT", port},
                                                {"NICECREAM_DATA_DIR", data.path().string()},
                                                {"NICECREAM_CRAWLER", "false"}});
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.output.find("cannot listen on 127.0.0.1:" + port + ": Address already in use"),
            std::string::npos)
      << second.output;
}

}  // namespace
}  // namespace nicecream::testing

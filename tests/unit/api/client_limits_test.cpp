#include "api/common/client_limits.hpp"

#include <gtest/gtest.h>

namespace nicecream::api {
namespace {

using namespace std::chrono_literals;

TEST(StreamCounter, CapsStreamsPerAddressAndFreesThemWhenTheyEnd) {
  StreamCounter counter(2);
  auto first = counter.acquire("10.0.0.1");
  auto second = counter.acquire("10.0.0.1");
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(counter.acquire("10.0.0.1"));
  EXPECT_TRUE(counter.acquire("10.0.0.2")) << "other addresses are not affected";
  first.reset();
  EXPECT_TRUE(counter.acquire("10.0.0.1"));
}

TEST(RateLimiter, AllowsABurstThenAsksToWait) {
  RateLimiter limiter(3);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(limiter.take("a", start)) << i;
  const auto wait = limiter.take("a", start);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 20) << "3 a minute: one every 20 s";
  EXPECT_FALSE(limiter.take("b", start)) << "per address";
}

TEST(RateLimiter, RefillsOverTime) {
  RateLimiter limiter(60);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 60; ++i) EXPECT_FALSE(limiter.take("a", start));
  EXPECT_TRUE(limiter.take("a", start));
  EXPECT_FALSE(limiter.take("a", start + 1s));
  EXPECT_TRUE(limiter.take("a", start + 1s));
}

TEST(RateLimiter, StaysBoundedInMemory) {
  RateLimiter limiter(1, 100);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) limiter.take("client-" + std::to_string(i), start);
  // A client seen long ago has a full bucket again and is allowed.
  EXPECT_FALSE(limiter.take("client-1", start + 10min));
}

}  // namespace
}  // namespace nicecream::api

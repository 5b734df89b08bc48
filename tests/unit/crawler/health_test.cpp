#include "crawler/health.hpp"

#include <gtest/gtest.h>

namespace nicecream::crawler {
namespace {

TEST(Health, ReportsEachChangeOnce) {
  Health health;
  EXPECT_TRUE(health.report_ok());
  EXPECT_FALSE(health.report_ok());
  EXPECT_TRUE(health.report_failure("HTTP 500"));
  EXPECT_FALSE(health.report_failure("HTTP 500"));
  EXPECT_TRUE(health.failing());
  EXPECT_EQ(health.reason(), "HTTP 500");
  EXPECT_TRUE(health.report_failure("timed out"));
  EXPECT_TRUE(health.report_ok());
  EXPECT_FALSE(health.failing());
}

TEST(Health, AFirstFailureIsAChange) {
  Health health;
  EXPECT_TRUE(health.report_failure("refused"));
}

}  // namespace
}  // namespace nicecream::crawler

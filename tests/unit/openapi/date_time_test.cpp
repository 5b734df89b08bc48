#include "support/openapi/date_time.hpp"

#include <gtest/gtest.h>

namespace nicecream::support::openapi {
namespace {

TEST(OpenApiDateTime, AcceptsRfc3339WithOffset) {
  EXPECT_TRUE(is_date_time("2026-11-27T19:57:07.590829+00:00"));
  EXPECT_TRUE(is_date_time("2026-11-27T19:57:07Z"));
  EXPECT_TRUE(is_date_time("2024-02-29t23:59:60-05:30"));
}

TEST(OpenApiDateTime, RejectsTheOriginalsNaiveTimestamps) {
  EXPECT_FALSE(is_date_time("2026-11-27T19:57:07.590829"));
}

TEST(OpenApiDateTime, RejectsOtherShapes) {
  EXPECT_FALSE(is_date_time(""));
  EXPECT_FALSE(is_date_time("2026-11-27"));
  EXPECT_FALSE(is_date_time("2026-11-27 19:57:07+00:00"));
  EXPECT_FALSE(is_date_time("2026-11-27T19:57+00:00"));
  EXPECT_FALSE(is_date_time("2026-11-27T19:57:07.+00:00"));
  EXPECT_FALSE(is_date_time("2026-11-27T19:57:07+0000"));
  EXPECT_FALSE(is_date_time(" 2026-11-27T19:57:07Z"));
  EXPECT_FALSE(is_date_time("1764273427"));
}

TEST(OpenApiDateTime, RejectsImpossibleDatesAndTimes) {
  EXPECT_FALSE(is_date_time("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(is_date_time("2026-00-01T00:00:00Z"));
  EXPECT_FALSE(is_date_time("2025-02-29T00:00:00Z"));
  EXPECT_FALSE(is_date_time("2026-04-31T00:00:00Z"));
  EXPECT_FALSE(is_date_time("2026-11-27T24:00:00Z"));
  EXPECT_FALSE(is_date_time("2026-11-27T19:60:00Z"));
  EXPECT_FALSE(is_date_time("2026-11-27T19:57:61Z"));
  EXPECT_FALSE(is_date_time("2026-11-27T19:57:07+24:00"));
}

}  // namespace
}  // namespace nicecream::support::openapi

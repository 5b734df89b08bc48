#include "push/delivery_outcome.hpp"

#include <gtest/gtest.h>

namespace nicecream::push {
namespace {

TEST(DeliveryOutcome, WhatEachAnswerMeans) {
  EXPECT_EQ(classify_push_status(201), DeliveryResult::sent);
  EXPECT_EQ(classify_push_status(200), DeliveryResult::sent);
  EXPECT_EQ(classify_push_status(404), DeliveryResult::gone);
  EXPECT_EQ(classify_push_status(410), DeliveryResult::gone);
  EXPECT_EQ(classify_push_status(429), DeliveryResult::retry);
  EXPECT_EQ(classify_push_status(500), DeliveryResult::retry);
  EXPECT_EQ(classify_push_status(503), DeliveryResult::retry);
  EXPECT_EQ(classify_push_status(0), DeliveryResult::retry);
  EXPECT_EQ(classify_push_status(400), DeliveryResult::failed);
  EXPECT_EQ(classify_push_status(403), DeliveryResult::failed);
  EXPECT_EQ(classify_push_status(413), DeliveryResult::failed);
}

TEST(DeliveryOutcome, RetryAfterInSeconds) {
  EXPECT_EQ(parse_retry_after("120"), std::chrono::seconds(120));
  EXPECT_EQ(parse_retry_after(" 0 "), std::chrono::seconds(0));
  EXPECT_FALSE(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"));
  EXPECT_FALSE(parse_retry_after("-5"));
  EXPECT_FALSE(parse_retry_after("12s"));
  EXPECT_FALSE(parse_retry_after(""));
}

}  // namespace
}  // namespace nicecream::push

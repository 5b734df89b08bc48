#include "http/request.hpp"

#include <gtest/gtest.h>

namespace nicecream::http {
namespace {

TEST(ParseTarget, SplitsPathAndDecodesQuery) {
  const auto target = parse_target("/history?channel_id=2&q=a%20b&flag");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->path, "/history");
  EXPECT_EQ(target->query.get("channel_id"), "2");
  EXPECT_EQ(target->query.get("q"), "a b");
  EXPECT_EQ(target->query.get("flag"), "");
  EXPECT_FALSE(target->query.get("missing"));
}

TEST(ParseTarget, RejectsBadPercentEncoding) {
  EXPECT_FALSE(parse_target("/history?offset=%zz"));
  EXPECT_FALSE(parse_target("/hist%2"));
}

TEST(ParseTarget, RejectsTargetsThatAreNotOriginForm) {
  EXPECT_FALSE(parse_target("http://example.com/history"));
  EXPECT_FALSE(parse_target("*"));
  EXPECT_FALSE(parse_target("history"));
}

TEST(ParseTarget, DecodesThePath) {
  const auto target = parse_target("/docs/a%20b.css");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->path, "/docs/a b.css");
}

}  // namespace
}  // namespace nicecream::http

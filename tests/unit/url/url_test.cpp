#include "url/url.hpp"

#include <gtest/gtest.h>

namespace nicecream::url {
namespace {

// Each of these made Boost 1.81 assert (an abort in builds with assertions, like this one).
TEST(Url, TextThatTripsBoostIsRefusedNotACrash) {
  for (const auto* text : {"x:?", "x:#", "x:{", "x:[", "x:]", "fjt:{", "mailto:?subject=x"}) {
    EXPECT_FALSE(parse_absolute_url(text)) << text;
    EXPECT_FALSE(parse_url_reference(text)) << text;
  }
}

TEST(Url, AbsoluteUrlsParse) {
  const auto url = parse_absolute_url("https://accounts.example.com:8443/o/auth?x=1");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme(), "https");
  EXPECT_EQ(url->host(), "accounts.example.com");
  EXPECT_EQ(url->port(), "8443");
  EXPECT_EQ(url->path(), "/o/auth");
  EXPECT_TRUE(parse_absolute_url("urn:isbn:0451450523"));
  EXPECT_TRUE(parse_absolute_url("x:"));
}

TEST(Url, RelativeReferencesParseOnlyAsReferences) {
  EXPECT_FALSE(parse_absolute_url("/history?channel_id=2"));
  EXPECT_TRUE(parse_url_reference("/history?channel_id=2"));
  EXPECT_TRUE(parse_url_reference("http://127.0.0.1:5173/#/bookmarks"));
}

TEST(Url, MalformedTextIsRefused) {
  for (const auto* text : {"http://exa mple.com/", "http://[::1/", "ht tp://x/", "http://x/{"})
    EXPECT_FALSE(parse_absolute_url(text)) << text;
}

}  // namespace
}  // namespace nicecream::url

#include "auth/jwks_cache.hpp"

#include <gtest/gtest.h>

#include "unit/auth/token_forge.hpp"

namespace nicecream::auth {
namespace {

using std::chrono::seconds;

const domain::Timestamp kStart{seconds(1'800'000'000)};

// A provider whose key set the test changes, counting how often it is asked.
struct FakeProvider {
  std::optional<JwkSet> current;
  int fetches = 0;
  JwksCache::Fetch fetcher() {
    return [this] {
      ++fetches;
      return current;
    };
  }
};

JwkSet set_with(const char* kid) {
  const auto key = testing::make_p256_key(kid);
  return *parse_jwks(testing::jwks_json({&key}));
}

TEST(JwksCache, FetchesOnceAndServesFromCache) {
  FakeProvider provider{set_with("a")};
  JwksCache cache(provider.fetcher(), seconds(3600), seconds(10));
  EXPECT_EQ(cache.keys(kStart)->front().kid, "a");
  EXPECT_EQ(cache.keys(kStart + seconds(100))->front().kid, "a");
  EXPECT_EQ(provider.fetches, 1);
}

TEST(JwksCache, RefreshesWhenOld) {
  FakeProvider provider{set_with("a")};
  JwksCache cache(provider.fetcher(), seconds(3600), seconds(10));
  cache.keys(kStart);
  provider.current = set_with("b");
  EXPECT_EQ(cache.keys(kStart + seconds(3600))->front().kid, "b");
  EXPECT_EQ(provider.fetches, 2);
}

TEST(JwksCache, KeepsOldKeysWhenARefreshFails) {
  FakeProvider provider{set_with("a")};
  JwksCache cache(provider.fetcher(), seconds(3600), seconds(10));
  cache.keys(kStart);
  provider.current.reset();
  EXPECT_EQ(cache.keys(kStart + seconds(4000))->front().kid, "a");
}

TEST(JwksCache, RefetchesForAnUnknownKidOnceTheIntervalHasPassed) {
  FakeProvider provider{set_with("old")};
  JwksCache cache(provider.fetcher(), seconds(3600), seconds(10));
  cache.keys(kStart);
  provider.current = set_with("rotated");
  EXPECT_FALSE(cache.refetch(kStart + seconds(5)));  // just fetched: the kid is truly unknown
  EXPECT_EQ(provider.fetches, 1);
  const auto fresh = cache.refetch(kStart + seconds(10));
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->front().kid, "rotated");
  EXPECT_EQ(cache.keys(kStart + seconds(11))->front().kid, "rotated");
  EXPECT_EQ(provider.fetches, 2);
  EXPECT_FALSE(cache.refetch(kStart + seconds(12)));  // a stream of bad kids: no hammering
  EXPECT_EQ(provider.fetches, 2);
}

TEST(JwksCache, DoesNotRetryAFailedFirstFetchOnEveryCall) {
  FakeProvider provider;
  JwksCache cache(provider.fetcher(), seconds(3600), seconds(10));
  EXPECT_FALSE(cache.keys(kStart));
  EXPECT_FALSE(cache.keys(kStart + seconds(1)));
  EXPECT_EQ(provider.fetches, 1);
  provider.current = set_with("a");
  EXPECT_TRUE(cache.keys(kStart + seconds(10)));
  EXPECT_EQ(provider.fetches, 2);
}

}  // namespace
}  // namespace nicecream::auth

#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nicecream::testing {

using Environment = std::map<std::string, std::string>;

// The crawler polling every second (the shortest interval there is); a station that fails stays
// quiet for the rest of the test unless `backoff_seconds` says otherwise.
inline Environment crawling_every_second(Environment env, int backoff_seconds = 3600) {
  env["NICECREAM_CRAWLER"] = "true";
  env["API_CRAWLER_INTERVAL"] = "1";
  env["API_CRAWLER_BACKOFF_INTERVAL"] = std::to_string(backoff_seconds);
  return env;
}

// The Redis scripts/test started (tests/support/redis/start.sh), on a channel no other test
// uses, so a crawler process and a serve process share live updates. Throws when it is not there:
// these tests fail, never skip.
inline Environment with_test_redis(Environment env) {
  const char* host = std::getenv("NICECREAM_TEST_REDIS_HOST");
  const char* port = std::getenv("NICECREAM_TEST_REDIS_PORT");
  if (host == nullptr || port == nullptr)
    throw std::runtime_error(
        "NICECREAM_TEST_REDIS_HOST/_PORT are not set: eval \"$(tests/support/redis/start.sh)\" "
        "first (scripts/test does)");
  static std::atomic<int> counter{0};
  env["REDIS_HOST"] = host;
  env["REDIS_PORT"] = port;
  env["REDIS_CHANNEL"] = "faults-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  return env;
}

inline bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace nicecream::testing

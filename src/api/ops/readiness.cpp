#include "api/ops/readiness.hpp"

#include <algorithm>
#include <exception>

namespace nicecream::api {

namespace {
constexpr const char* kOk = "ok";

std::string schema_state(const store::SchemaVersion& version) {
  if (version.current == version.latest) return kOk;
  return "at version " + std::to_string(version.current) + ", this binary needs " +
         std::to_string(version.latest);
}
}  // namespace

bool Readiness::ready() const {
  return std::all_of(checks.begin(), checks.end(),
                     [](const auto& check) { return check.second == kOk; });
}

boost::asio::awaitable<Readiness> check_readiness(Services& services) {
  Readiness readiness;
  std::optional<store::SchemaVersion> version;
  std::string failure;
  try {
    version = co_await services.blocking.run(
        [&store = services.store] { return store.schema_version(); });
  } catch (const std::exception& error) {
    failure = std::string("unavailable: ") + error.what();
  }
  if (version) {
    readiness.checks.emplace_back("database", kOk);
    readiness.checks.emplace_back("schema", schema_state(*version));
  } else {
    readiness.checks.emplace_back("database", failure);
    readiness.checks.emplace_back("schema", "unknown: the database does not answer");
  }
  if (const auto connected = services.bus.connected())
    readiness.checks.emplace_back("redis", *connected ? kOk : "not connected");
  co_return readiness;
}

}  // namespace nicecream::api

#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/services.hpp"

namespace nicecream::api {

// One line per dependency: its name ("database", "schema", "redis") and "ok" or why it is not.
struct Readiness {
  std::vector<std::pair<std::string, std::string>> checks;
  bool ready() const;
};

// Asks the store for its schema version on the blocking pool (which tells both whether the
// database answers and whether its schema is this binary's), and the bus whether it is connected.
boost::asio::awaitable<Readiness> check_readiness(Services& services);

}  // namespace nicecream::api

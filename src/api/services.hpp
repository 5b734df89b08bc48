#pragma once

#include <functional>
#include <optional>

#include "api/history_cache.hpp"
#include "concurrency/blocking_pool.hpp"
#include "config/config.hpp"
#include "domain/models.hpp"
#include "events/bus.hpp"
#include "http/request.hpp"
#include "store/store.hpp"

namespace nicecream::api {

// The signed-in user of a request, if any; decoding the session cookie is pure CPU work.
using SignedInUser = std::function<std::optional<domain::Id>(const http::Request&)>;

// What handlers use; the CLI builds it with the concrete engines.
struct Services {
  store::Store& store;
  concurrency::BlockingPool& blocking;
  events::Bus& bus;
  const config::Config& config;
  HistoryCache& history_cache;
  SignedInUser signed_in_user = [](const http::Request&) { return std::nullopt; };
};

}  // namespace nicecream::api

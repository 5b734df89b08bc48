#pragma once

#include <functional>
#include <optional>

#include "api/common/page_cache.hpp"
#include "api/settings.hpp"
#include "auth/oidc_client.hpp"
#include "auth/session_cookies.hpp"
#include "concurrency/blocking_pool.hpp"
#include "domain/channel_probe.hpp"
#include "domain/models.hpp"
#include "events/bus.hpp"
#include "http/request.hpp"
#include "store/store.hpp"

namespace nicecream::api {

// What handlers use; the CLI builds it with the concrete engines.
struct Services {
  store::Store& store;
  concurrency::BlockingPool& blocking;
  events::Bus& bus;
  const Settings& settings;
  PageCache& page_cache;
  const auth::SessionCookies& sessions;
  auth::OidcClient* oidc = nullptr;  // null: sign-in is not configured
  // Reads a station once as the crawler would (crawler/probe.hpp, wired by cli: api does not
  // link the crawler). Blocks: run it on the blocking pool.
  std::function<domain::ProbeOutcome(const domain::Channel&)> probe_channel;

  // The signed-in user of a request, if any (see common/session_context.cpp); decoding the session
  // cookie is pure CPU work, so I/O threads may call it.
  std::optional<domain::Id> signed_in_user(const http::Request& request) const;
};

}  // namespace nicecream::api

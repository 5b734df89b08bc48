#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string_view>
#include <vector>

#include "api/services.hpp"
#include "domain/catalog.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

// GET /songs/{song_id}/stats and /artists/{artist_id}/stats: one subject's plays over the last
// `days` local days of the zone `tz`, per weekday and hour and per date (plays_stats.hpp). Only
// where the plays come from and what is missing differ.
namespace nicecream::api {

struct StatsSubject {
  std::string_view id_name;    // the path parameter
  std::string_view not_found;  // the 404's detail
  // Its plays per quarter hour in [from, to), oldest first.
  std::function<std::vector<domain::SlotPlays>(store::Store&, domain::Id, domain::Timestamp,
                                               domain::Timestamp)>
      slots;
  // Whether it exists: asked only when it has no plays in the range.
  std::function<bool(store::Store&, domain::Id)> exists;
};

// `subject` must outlive the answer (a constant of the routes).
boost::asio::awaitable<http::Response> plays_stats_answer(Services& services,
                                                          http::Request& request,
                                                          const StatsSubject& subject);

}  // namespace nicecream::api

#include "api/songs/song_routes.hpp"

#include "api/common/catalog_handlers.hpp"
#include "api/common/plays_stats.hpp"
#include "api/common/stats_route.hpp"

namespace nicecream::api {

namespace {

constexpr std::string_view kSongNotFound = "Song not found.";

const StatsSubject kSongStats{
    "song_id", kSongNotFound,
    [](store::Store& store, domain::Id id, domain::Timestamp from, domain::Timestamp to) {
      return store.song_plays_by_slot(id, from, to);
    },
    [](store::Store& store, domain::Id id) { return store.find_song(id).has_value(); }};

}  // namespace

void add_song_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  preload_time_zones();
  routes.add(verb::get, "/songs", [&services](http::Request& request) {
    return catalog_page(services, request, [](store::Store& store, const auto& query) {
      return store.list_songs(query);
    });
  });
  routes.add(verb::get, "/songs/{song_id:int}", [&services](http::Request& request) {
    return catalog_item(services, request, "song_id", kSongNotFound,
                        [](store::Store& store, domain::Id id) { return store.song_detail(id); });
  });
  routes.add(verb::get, "/songs/{song_id:int}/stats", [&services](http::Request& request) {
    return plays_stats_answer(services, request, kSongStats);
  });
}

}  // namespace nicecream::api

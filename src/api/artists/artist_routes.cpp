#include "api/artists/artist_routes.hpp"

#include "api/common/catalog_handlers.hpp"
#include "api/common/stats_route.hpp"

namespace nicecream::api {

namespace {

constexpr std::string_view kArtistNotFound = "Artist not found.";

const StatsSubject kArtistStats{
    "artist_id", kArtistNotFound,
    [](store::Store& store, domain::Id id, domain::Timestamp from, domain::Timestamp to) {
      return store.artist_plays_by_slot(id, from, to);
    },
    [](store::Store& store, domain::Id id) { return store.artist_detail(id).has_value(); }};

}  // namespace

void add_artist_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/artists", [&services](http::Request& request) {
    return catalog_page(services, request, [](store::Store& store, const auto& query) {
      return store.list_artists(query);
    });
  });
  routes.add(verb::get, "/artists/{artist_id:int}", [&services](http::Request& request) {
    return catalog_item(services, request, "artist_id", kArtistNotFound,
                        [](store::Store& store, domain::Id id) { return store.artist_detail(id); });
  });
  routes.add(verb::get, "/artists/{artist_id:int}/stats", [&services](http::Request& request) {
    return plays_stats_answer(services, request, kArtistStats);
  });
}

}  // namespace nicecream::api

#include "api/artists/artist_routes.hpp"

#include "api/common/catalog_handlers.hpp"

namespace nicecream::api {

void add_artist_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/artists", [&services](http::Request& request) {
    return catalog_page(services, request, [](store::Store& store, const auto& query) {
      return store.list_artists(query);
    });
  });
  routes.add(verb::get, "/artists/{artist_id:int}", [&services](http::Request& request) {
    return catalog_item(services, request, "artist_id", "Artist not found.",
                        [](store::Store& store, domain::Id id) { return store.artist_detail(id); });
  });
}

}  // namespace nicecream::api

#include "api/artists/artist_routes.hpp"

#include "api/common/json_views.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

boost::asio::awaitable<http::Response> list_artists(Services& services, http::Request& request) {
  QueryReader reader(request.query, {"q", "offset", "limit"});
  const auto query = read_catalog_query(reader);
  if (!reader.errors().empty()) co_return validation_response(reader.errors());
  auto artists = co_await services.blocking.run([&] { return services.store.list_artists(query); });
  co_return json_response(Status::ok, to_json(artists));
}

boost::asio::awaitable<http::Response> show_artist(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  const auto artist_id = read_path_id(request, "artist_id", errors);
  QueryReader reader(request.query, {});
  if (!artist_id || !reader.errors().empty())
    co_return validation_response(artist_id ? reader.errors() : errors);
  auto artist =
      co_await services.blocking.run([&] { return services.store.artist_detail(*artist_id); });
  if (!artist) co_return error_response(Status::not_found, "Artist not found.");
  co_return json_response(Status::ok, to_json(*artist));
}

}  // namespace

void add_artist_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/artists",
             [&services](http::Request& request) { return list_artists(services, request); });
  routes.add(verb::get, "/artists/{artist_id:int}",
             [&services](http::Request& request) { return show_artist(services, request); });
}

}  // namespace nicecream::api

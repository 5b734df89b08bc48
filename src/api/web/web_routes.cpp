#include "api/web/web_routes.hpp"

#include "api/web/web_files.hpp"

namespace nicecream::api {

// Its other pages are answered by spa_fallback, as no route of the API matches them.
void add_web_routes(RouteTable& routes, Services& services, StaticFiles& files) {
  routes.add(boost::beast::http::verb::get, "/",
             [&services, &files](http::Request&) { return serve_web_app(services, files); });
}

}  // namespace nicecream::api

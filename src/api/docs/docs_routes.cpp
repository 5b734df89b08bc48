#include "api/docs/docs_routes.hpp"

#include "api/common/responses.hpp"
#include "api/docs/openapi_document.hpp"
#include "api/web/web_files.hpp"

namespace nicecream::api {

void add_docs_routes(RouteTable& routes, Services& services, StaticFiles& files) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/openapi.json",
             [](http::Request&) -> boost::asio::awaitable<http::Response> {
               co_return json_body_response(Status::ok, std::string(openapi_document()));
             });
  routes.add(verb::get, "/docs", [](http::Request&) -> boost::asio::awaitable<http::Response> {
    co_return redirect_response("/docs/");
  });
  routes.add(verb::get, "/docs/",
             [&services, &files](http::Request&) -> boost::asio::awaitable<http::Response> {
               auto response = co_await serve_web_file(services, files, "docs/index.html");
               if (response) co_return std::move(*response);
               co_return error_response(Status::not_found, "Swagger UI is not built.");
             });
}

}  // namespace nicecream::api

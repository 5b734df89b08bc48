#include <boost/beast/http/field.hpp>

#include "api/openapi_document.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"

namespace nicecream::api {

namespace {
namespace bhttp = boost::beast::http;

// Vite names built assets by content hash, so they never change under a name.
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

std::string_view cache_control_for(std::string_view relative_path) {
  return relative_path.starts_with("assets/") ? kImmutable : kRevalidate;
}

}  // namespace

boost::asio::awaitable<std::optional<http::Response>> serve_web_file(Services& services,
                                                                     StaticFiles& files,
                                                                     std::string relative_path) {
  auto file = co_await services.blocking.run([&] { return files.load(relative_path); });
  if (!file) co_return std::nullopt;
  auto response = http::make_response(Status::ok, file->body, file->content_type);
  response.message.set(bhttp::field::cache_control, cache_control_for(relative_path));
  co_return response;
}

void add_web_routes(http::Router& router, Services& services, StaticFiles& files) {
  // The app's own routes answer index.html; the app routes itself in the browser.
  for (const auto* page : {"/", "/bookmarks"}) {
    router.add(bhttp::verb::get, page,
               [&services, &files](http::Request&) -> boost::asio::awaitable<http::Response> {
                 auto response = co_await serve_web_file(services, files, "index.html");
                 if (response) co_return std::move(*response);
                 co_return error_response(
                     Status::not_found,
                     "The web app is not built: run `npm ci && npm run build` in web/.");
               });
  }
}

void add_docs_routes(http::Router& router, Services& services, StaticFiles& files) {
  router.add(bhttp::verb::get, "/openapi.json",
             [](http::Request&) -> boost::asio::awaitable<http::Response> {
               co_return json_body_response(Status::ok, std::string(openapi_document()));
             });
  router.add(bhttp::verb::get, "/docs",
             [](http::Request&) -> boost::asio::awaitable<http::Response> {
               co_return redirect_response("/docs/");
             });
  router.add(bhttp::verb::get, "/docs/",
             [&services, &files](http::Request&) -> boost::asio::awaitable<http::Response> {
               auto response = co_await serve_web_file(services, files, "docs/index.html");
               if (response) co_return std::move(*response);
               co_return error_response(Status::not_found, "Swagger UI is not built.");
             });
}

}  // namespace nicecream::api

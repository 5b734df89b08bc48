#include "api/web/web_files.hpp"

#include <boost/beast/http/field.hpp>

#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

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
  auto file = co_await services.blocking.run_other([&] { return files.load(relative_path); });
  if (!file) co_return std::nullopt;
  auto response = http::make_response(Status::ok, file->body, file->content_type);
  response.message.set(boost::beast::http::field::cache_control, cache_control_for(relative_path));
  co_return response;
}

boost::asio::awaitable<http::Response> serve_web_app(Services& services, StaticFiles& files) {
  auto response = co_await serve_web_file(services, files, "index.html");
  if (response) co_return std::move(*response);
  co_return error_response(Status::not_found,
                           "The web app is not built: run `npm ci && npm run build` in web/.");
}

}  // namespace nicecream::api

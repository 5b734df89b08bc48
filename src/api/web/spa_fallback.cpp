#include "api/web/spa_fallback.hpp"

#include <boost/beast/core/string.hpp>
#include <span>

#include "api/common/header_list.hpp"
#include "api/web/web_files.hpp"

namespace nicecream::api {

namespace {

// q=0 (or 0.0, 0.000) marks a media range as not acceptable.
bool refused(std::span<const std::string_view> parameters) {
  for (const auto parameter : parameters)
    if (parameter.size() > 2 && boost::beast::iequals(parameter.substr(0, 2), "q="))
      return parameter.substr(2).find_first_not_of("0.") == std::string_view::npos;
  return false;
}

bool is_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

bool is_shared_page_path(std::string_view path) {
  if (path == "/charts") return true;
  for (const std::string_view collection : {"/songs/", "/artists/"})
    if (path.starts_with(collection)) return is_digits(path.substr(collection.size()));
  return false;
}

bool accepts_html(std::string_view accept) {
  for (const auto range : header_list_items(accept)) {
    const auto parts = header_list_items(range, ';');
    if (!parts.empty() && boost::beast::iequals(parts.front(), "text/html"))
      return !refused(std::span(parts).subspan(1));
  }
  return false;
}

boost::asio::awaitable<std::optional<http::Response>> spa_fallback(Services& services,
                                                                   StaticFiles& files,
                                                                   const http::Request& request) {
  if (request.method() != boost::beast::http::verb::get) co_return std::nullopt;
  if (request.path.size() > 1) {
    auto file = co_await serve_web_file(services, files, request.path.substr(1));
    if (file) co_return file;
  }
  if (!accepts_html(request.header("Accept"))) co_return std::nullopt;
  co_return co_await serve_web_app(services, files);
}

}  // namespace nicecream::api

#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string_view>

#include "api/services.hpp"
#include "api/web/static_files.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// The answer to a request no route matched, if the web app has one: a GET for a file of the
// built app serves it; a GET for anything else that accepts text/html is the browser opening one
// of the app's pages (/bookmarks, a deep link), answered with the app, which routes itself. The
// server needs no list of those pages. nullopt otherwise: the API's 404.
boost::asio::awaitable<std::optional<http::Response>> spa_fallback(Services& services,
                                                                   StaticFiles& files,
                                                                   const http::Request& request);

// True when an Accept header names text/html (with a q-value above 0). `*/*` alone, as fetch()
// and curl send it, does not count: only a browser opening a page names HTML.
bool accepts_html(std::string_view accept);

// True for the web app's pages whose paths are also routes of the API (/charts, /songs/{id},
// /artists/{id}): a browser opening one names text/html and gets the app (see App::dispatch),
// while the app's own fetch() of the same path asks for JSON and gets the API's answer.
bool is_shared_page_path(std::string_view path);

}  // namespace nicecream::api

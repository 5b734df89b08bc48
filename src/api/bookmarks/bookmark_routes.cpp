#include "api/bookmarks/bookmark_routes.hpp"

#include "api/bookmarks/bookmark_body.hpp"
#include "api/common/json_body.hpp"
#include "api/common/json_views.hpp"
#include "api/common/owned_removal.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"
#include "store/errors.hpp"

namespace nicecream::api {

namespace {

using Authorization = std::variant<domain::Id, http::Response>;

std::optional<domain::BookmarkQuery> read_bookmark_query(const http::Request& request,
                                                         domain::Id user_id,
                                                         domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {}, kPageParameters);
  const auto window = read_page_window(reader);
  if (!reader.errors().empty()) {
    errors = reader.errors();
    return std::nullopt;
  }
  return domain::BookmarkQuery{
      .user_id = user_id, .before = window.before, .offset = window.offset, .limit = window.limit};
}

boost::asio::awaitable<http::Response> list_bookmarks(Services& services, http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  domain::ValidationErrors errors;
  const auto query = read_bookmark_query(request, std::get<domain::Id>(who), errors);
  if (!query) {
    co_return no_store(validation_response(errors));
  }
  auto bookmarks =
      co_await services.blocking.run([&] { return services.store.list_bookmarks(*query); });
  co_return no_store(json_response(Status::ok, to_json(bookmarks)));
}

boost::asio::awaitable<http::Response> add_bookmark(Services& services, http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto user_id = std::get<domain::Id>(who);
  auto body = read_json_object(request);
  if (auto* refused = std::get_if<http::Response>(&body)) co_return std::move(no_store(*refused));
  domain::ValidationErrors errors;
  const auto song_id = read_song_id(std::get<boost::json::object>(body), errors);
  std::optional<domain::Bookmark> bookmark;
  if (song_id) {
    try {
      bookmark = co_await services.blocking.run(
          [&] { return services.store.add_bookmark(user_id, *song_id); });
    } catch (const store::NotFound&) {
      errors.add("body", kSongIdField, std::string(domain::messages::not_found));
    }
  }
  co_return no_store(bookmark ? json_response(Status::ok, to_json(*bookmark))
                              : validation_response(errors));
}

boost::asio::awaitable<http::Response> remove_bookmark(Services& services, http::Request& request) {
  return remove_owned(services, request,
                      {"bookmark_id", "Bookmark not found.",
                       [&services](domain::Id user_id, domain::Id bookmark_id) {
                         return services.store.remove_bookmark(user_id, bookmark_id);
                       },
                       [] { return json_response(Status::ok, boost::json::object{}); }});
}

}  // namespace

void add_bookmark_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/user/bookmarks",
             [&services](http::Request& request) { return list_bookmarks(services, request); });
  routes.add(verb::post, "/user/bookmarks",
             [&services](http::Request& request) { return add_bookmark(services, request); },
             {.write_limited = true});
  routes.add(verb::delete_, "/user/bookmarks/{bookmark_id:int}",
             [&services](http::Request& request) { return remove_bookmark(services, request); },
             {.write_limited = true});
}

}  // namespace nicecream::api

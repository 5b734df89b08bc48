#include "api/bookmarks/bookmark_export_routes.hpp"

#include <boost/beast/http/field.hpp>

#include "api/bookmarks/bookmark_playlists.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"

namespace nicecream::api {

namespace {

std::optional<BookmarkFormat> read_format(const http::Request& request,
                                          domain::ValidationErrors& errors) {
  QueryReader reader(request.query, {"format"});
  const auto name = reader.one_of("format", {"csv", "json", "m3u", "xspf"});
  if (!name && !request.query.contains("format"))
    reader.reject("format", std::string(domain::messages::required));
  errors = reader.errors();
  if (!name || !errors.empty()) return std::nullopt;
  return parse_bookmark_format(*name);
}

// Every bookmark of the user, newest first, page by page (a user's bookmarks are few enough to
// hold; each page is its own short store call).
std::vector<domain::Bookmark> all_bookmarks(store::Store& store, domain::Id user_id) {
  std::vector<domain::Bookmark> bookmarks;
  domain::BookmarkQuery page;
  page.user_id = user_id;
  page.limit = domain::kMaxPageSize;
  for (;;) {
    auto more = store.list_bookmarks(page);
    const bool last = more.size() < static_cast<std::size_t>(page.limit);
    if (!more.empty()) page.before = more.back().id;
    bookmarks.insert(bookmarks.end(), std::make_move_iterator(more.begin()),
                     std::make_move_iterator(more.end()));
    if (last) return bookmarks;
  }
}

boost::asio::awaitable<http::Response> export_bookmarks(Services& services,
                                                        http::Request& request) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(no_store(*denied));
  domain::ValidationErrors errors;
  const auto format = read_format(request, errors);
  if (!format) {
    co_return no_store(validation_response(errors));
  }
  const auto user_id = std::get<domain::Id>(who);
  const auto bookmarks =
      co_await services.blocking.run([&] { return all_bookmarks(services.store, user_id); });
  auto download = write_bookmarks(bookmarks, *format);
  auto response = http::make_response(Status::ok, std::move(download.body), download.content_type);
  response.message.set(boost::beast::http::field::content_disposition,
                       "attachment; filename=\"" + download.file_name + "\"");
  co_return std::move(no_store(response));
}

}  // namespace

void add_bookmark_export_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::get, "/user/bookmarks/export",
             [&services](http::Request& request) { return export_bookmarks(services, request); });
}

}  // namespace nicecream::api

#pragma once

#include <boost/asio/awaitable.hpp>
#include <string_view>

#include "api/common/json_views.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/services.hpp"

// The two handlers every catalog resource (songs, artists) shares: a page of `q`, `offset` and
// `limit`, and one item by its path id. Only the store call differs.
namespace nicecream::api {

// `list(store, query)` gives the page's rows.
template <typename ListFromStore>
boost::asio::awaitable<http::Response> catalog_page(Services& services, http::Request& request,
                                                    ListFromStore list) {
  QueryReader reader(request.query, {"q", "offset", "limit"});
  const auto query = read_catalog_query(reader);
  if (!reader.errors().empty()) co_return validation_response(reader.errors());
  auto rows = co_await services.blocking.run([&] { return list(services.store, query); });
  co_return json_response(Status::ok, to_json(rows));
}

// `find(store, id)` gives the item or nothing (404 with `not_found`).
template <typename FindInStore>
boost::asio::awaitable<http::Response> catalog_item(Services& services, http::Request& request,
                                                    std::string_view id_name,
                                                    std::string_view not_found, FindInStore find) {
  domain::ValidationErrors errors;
  const auto id = read_path_id(request, id_name, errors);
  QueryReader reader(request.query, {});
  if (!id || !reader.errors().empty()) co_return validation_response(id ? reader.errors() : errors);
  auto item = co_await services.blocking.run([&] { return find(services.store, *id); });
  if (!item) co_return error_response(Status::not_found, not_found);
  co_return json_response(Status::ok, to_json(*item));
}

}  // namespace nicecream::api

#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string_view>

#include "api/services.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// DELETE of something a signed-in user owns, named by an id in the path.
struct OwnedRemoval {
  std::string_view id_name;    // the path capture
  std::string_view not_found;  // the 404's detail
  // Removes the user's item with that id (on the worker pool); false when it is not theirs.
  std::function<bool(domain::Id user_id, domain::Id id)> remove;
  std::function<http::Response()> removed;  // the answer once it is gone
};

// authorize()'s 401 or 422 first; 422 for an id that is not one; 404 when the item is missing or
// someone else's, so that ids cannot be probed; never kept by a shared cache.
boost::asio::awaitable<http::Response> remove_owned(Services& services,
                                                    const http::Request& request,
                                                    OwnedRemoval removal);

}  // namespace nicecream::api

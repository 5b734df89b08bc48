#pragma once

#include <boost/asio/awaitable.hpp>
#include <string>
#include <variant>

#include "api/services.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// Who is changing the channels, for the log: their OpenID subject, never more.
struct Admin {
  domain::Id user_id = 0;
  std::string subject;
};

// The gate of every admin route (they all change data): 401 when nobody is signed in, 403 when
// X-Csrf-Token does not match the session's token, 403 when the user is not in API_ADMINS (by
// subject or verified e-mail, domain/admins.hpp). Who asks comes first, as with authorize().
boost::asio::awaitable<std::variant<Admin, http::Response>> require_admin(
    Services& services, const http::Request& request);

// Answers of the admin routes depend on who asks: never kept by a shared cache.
http::Response admin_answer(http::Response response);

}  // namespace nicecream::api

#include "api/user/user_routes.hpp"

#include "api/common/json_views.hpp"
#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"
#include "auth/csrf.hpp"
#include "domain/admins.hpp"

namespace nicecream::api {

namespace {

// The signed-in User. Answering also re-seals the session, which slides its expiry, and sets
// the CSRF cookie again in case the browser dropped it: the web app asks for this on every load.
boost::asio::awaitable<http::Response> current_user(Services& services, http::Request& request) {
  auto session = signed_in_session(services, request);
  if (!session) co_return not_signed_in_response();
  const auto user_id = *session->user_id;
  const auto user =
      co_await services.blocking.run([&] { return services.store.find_user(user_id); });
  if (!user) {
    // The session outlived its user (a restored database, say): it is nobody's any more.
    auto response = not_signed_in_response();
    end_session(services, response);
    co_return response;
  }
  if (session->csrf_token.empty()) session->csrf_token = auth::new_csrf_token();
  auto json = to_json(*user);
  json["is_admin"] = domain::is_admin(services.settings.admins, *user);
  auto response = json_response(Status::ok, json);
  store_session(services, *session, no_store(response));
  co_return response;
}

// Clears both cookies and goes back to the web app. Signed out, it is the 401 every /user route
// answers (the contract, and the original): there is no session to end.
http::Response sign_out(Services& services, const http::Request& request) {
  if (!signed_in_session(services, request)) return not_signed_in_response();
  auto response = spa_redirect(services);
  end_session(services, response);
  return response;
}

}  // namespace

void add_user_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::get, "/user",
             [&services](http::Request& request) { return current_user(services, request); });
  routes.add(verb::get, "/user/sign_out",
             [&services](http::Request& request) -> boost::asio::awaitable<http::Response> {
               co_return sign_out(services, request);
             });
}

}  // namespace nicecream::api

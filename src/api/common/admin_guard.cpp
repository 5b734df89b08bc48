#include "api/common/admin_guard.hpp"

#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"
#include "domain/admins.hpp"

namespace nicecream::api {

namespace {

http::Response forbidden(std::string_view why) {
  return admin_answer(error_response(Status::forbidden, why));
}

}  // namespace

http::Response admin_answer(http::Response response) {
  return std::move(no_store(response));
}

boost::asio::awaitable<std::variant<Admin, http::Response>> require_admin(
    Services& services, const http::Request& request) {
  const auto session = signed_in_session(services, request);
  if (!session) co_return not_signed_in_response();
  // 403, not the 422 of the original's bookmark writes: these routes are new, and a refused
  // token is a refusal, not a malformed field (issue 14).
  if (!csrf_accepted(*session, request)) co_return forbidden("Missing or invalid X-Csrf-Token.");
  const auto user_id = *session->user_id;
  const auto user =
      co_await services.blocking.run([&] { return services.store.find_user(user_id); });
  if (!user) co_return not_signed_in_response();  // the session outlived its user
  if (!domain::is_admin(services.settings.admins, *user))
    co_return forbidden("Only admins may manage channels.");
  co_return Admin{user->id, user->sub};
}

}  // namespace nicecream::api

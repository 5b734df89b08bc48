#include "api/common/session_context.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/url/url.hpp>

#include "api/common/responses.hpp"
#include "auth/csrf.hpp"
#include "domain/validation.hpp"
#include "url/url.hpp"

namespace nicecream::api {

namespace bhttp = boost::beast::http;

std::optional<domain::Id> Services::signed_in_user(const http::Request& request) const {
  const auto session = signed_in_session(*this, request);
  if (!session) return std::nullopt;
  return session->user_id;
}

std::optional<auth::Session> read_session(const Services& services, const http::Request& request) {
  const auto cookies = request.header("Cookie");
  if (cookies.empty()) return std::nullopt;
  return services.sessions.read(cookies, domain::now());
}

std::optional<auth::Session> signed_in_session(const Services& services,
                                               const http::Request& request) {
  auto session = read_session(services, request);
  if (!session || !session->signed_in()) return std::nullopt;
  return session;
}

std::variant<domain::Id, http::Response> authorize(const Services& services,
                                                   const http::Request& request) {
  const auto session = signed_in_session(services, request);
  if (!session) return not_signed_in_response();
  const auto method = request.method();
  const bool changes_data = method != bhttp::verb::get && method != bhttp::verb::head;
  if (changes_data && !csrf_accepted(*session, request)) return csrf_rejected_response();
  return *session->user_id;
}

namespace {
void add_set_cookies(const std::vector<std::string>& values, http::Response& response) {
  for (const auto& value : values) response.message.insert(bhttp::field::set_cookie, value);
}
}  // namespace

void store_session(const Services& services, const auth::Session& session,
                   http::Response& response) {
  add_set_cookies(services.sessions.write(session, domain::now()), response);
}

void end_session(const Services& services, http::Response& response) {
  add_set_cookies(services.sessions.clear(), response);
}

bool csrf_accepted(const auth::Session& session, const http::Request& request) {
  return auth::csrf_token_matches(request.header(auth::kCsrfHeaderName), session.csrf_token);
}

http::Response not_signed_in_response() {
  return no_store(error_response(Status::unauthorized, "Not signed in."));
}

http::Response csrf_rejected_response() {
  domain::ValidationErrors errors;
  errors.add("header", auth::kCsrfHeaderName, std::string(domain::messages::csrf));
  return no_store(validation_response(errors));
}

http::Response& no_store(http::Response& response) {
  response.message.set(bhttp::field::cache_control, "no-store");
  return response;
}

http::Response no_store(http::Response&& response) {
  return std::move(no_store(response));
}

namespace {
// SPA_URL with the code added to its query, keeping whatever query or fragment it has.
std::string with_signin_error(const std::string& spa_url, std::string_view code) {
  const auto parsed = url::parse_url_reference(spa_url);
  if (!parsed) {
    const char separator = spa_url.find('?') == std::string::npos ? '?' : '&';
    return spa_url + separator + "signin_error=" + std::string(code);
  }
  boost::urls::url url(*parsed);
  url.params().set("signin_error", code);
  return std::string(url.buffer());
}
}  // namespace

http::Response spa_redirect(const Services& services,
                            std::optional<std::string_view> signin_error) {
  const auto& spa_url = services.settings.spa_url;
  return redirect_response(signin_error ? with_signin_error(spa_url, *signin_error) : spa_url);
}

}  // namespace nicecream::api

#include "auth/session_cookies.hpp"

#include "auth/cookies.hpp"

namespace nicecream::auth {
namespace {

CookieAttributes session_attributes(const SessionCookieSettings& settings) {
  return {.path = "/",
          .domain = settings.session_domain,
          .max_age = settings.max_age,
          .http_only = true,
          .secure = settings.session_secure,
          .same_site = SameSite::lax};
}

// Readable by the web app's script, which copies it into the X-Csrf-Token header.
CookieAttributes csrf_attributes(const SessionCookieSettings& settings) {
  return {.path = "/",
          .domain = settings.csrf_domain,
          .max_age = settings.max_age,
          .http_only = false,
          .secure = settings.csrf_secure,
          .same_site = SameSite::lax};
}

}  // namespace

std::optional<Session> SessionCookies::read(std::string_view cookie_header,
                                            domain::Timestamp now) const {
  const auto sealed = find_cookie(cookie_header, kSessionCookieName);
  if (!sealed) {
    return std::nullopt;
  }
  return codec_.open(*sealed, now);
}

std::vector<std::string> SessionCookies::write(const Session& session,
                                               domain::Timestamp now) const {
  std::vector<std::string> headers{
      set_cookie(kSessionCookieName, codec_.seal(session, now), session_attributes(settings_))};
  if (!session.csrf_token.empty()) {
    headers.push_back(set_cookie(kCsrfCookieName, session.csrf_token, csrf_attributes(settings_)));
  }
  return headers;
}

std::vector<std::string> SessionCookies::clear() const {
  return {delete_cookie(kSessionCookieName, session_attributes(settings_)),
          delete_cookie(kCsrfCookieName, csrf_attributes(settings_))};
}

}  // namespace nicecream::auth

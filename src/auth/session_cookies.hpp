#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/session.hpp"
#include "auth/session_codec.hpp"

namespace nicecream::auth {

inline constexpr std::string_view kSessionCookieName = "nicecream_history_session";
inline constexpr std::string_view kCsrfCookieName = "nicecream_history_csrf";

struct SessionCookieSettings {
  std::chrono::seconds max_age{30 * 24 * 3600};
  bool session_secure = true;  // API_SESSION_COOKIE_SECURE
  std::string session_domain;  // API_SESSION_COOKIE_DOMAIN
  bool csrf_secure = true;     // API_CSRF_COOKIE_SECURE
  std::string csrf_domain;     // API_CSRF_COOKIE_DOMAIN
};

// What an HTTP handler needs of sessions: read the session from a request's cookies, and the
// Set-Cookie values that store, or end, one.
class SessionCookies {
 public:
  SessionCookies(FernetKey key, SessionCookieSettings settings)
      : codec_(std::move(key), settings.max_age), settings_(std::move(settings)) {}

  // The session in a Cookie header; nullopt when there is none, or it is expired, tampered
  // with or under another key (all of which mean: anonymous).
  std::optional<Session> read(std::string_view cookie_header, domain::Timestamp now) const;

  // Set-Cookie values: the sealed session (HttpOnly) and, when it has one, its CSRF token in
  // the readable cookie the web app echoes in the X-Csrf-Token header.
  std::vector<std::string> write(const Session& session, domain::Timestamp now) const;

  // Set-Cookie values that delete both cookies (sign-out).
  std::vector<std::string> clear() const;

 private:
  SessionCodec codec_;
  SessionCookieSettings settings_;
};

}  // namespace nicecream::auth

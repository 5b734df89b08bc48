#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "api/services.hpp"
#include "auth/session.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// The session of a request, as every handler of /user... sees it. A cookie that is missing,
// expired, tampered with, truncated or sealed under another key is no session: anonymous, never
// an error.
std::optional<auth::Session> read_session(const Services& services, const http::Request& request);

// The session only when someone is signed in.
std::optional<auth::Session> signed_in_session(const Services& services,
                                               const http::Request& request);

// The signed-in user's id, or the answer to send instead: 401 when nobody is signed in, then, for
// a request that changes data (not GET or HEAD), 422 unless X-Csrf-Token matches the session's
// token. Who asks comes first, so a signed-out caller learns nothing else.
std::variant<domain::Id, http::Response> authorize(const Services& services,
                                                   const http::Request& request);

// Adds the Set-Cookie headers that store the session (and its CSRF cookie, when it has a token).
void store_session(const Services& services, const auth::Session& session,
                   http::Response& response);
// Adds the Set-Cookie headers that delete both cookies.
void end_session(const Services& services, http::Response& response);

// Double submit: the X-Csrf-Token header equals the session's token.
bool csrf_accepted(const auth::Session& session, const http::Request& request);

// 401 {"detail": ...}
http::Response not_signed_in_response();
// 422 {"detail": {"header": {"X-Csrf-Token": ["Missing or invalid value."]}}}
http::Response csrf_rejected_response();

// User data must never be kept by a cache shared between people.
http::Response& no_store(http::Response& response);
http::Response no_store(http::Response&& response);

// 302 to SPA_URL, the only place a browser is ever sent after sign-in or sign-out (so no request
// parameter can turn it into an open redirect); with `?signin_error=<code>` when sign-in failed.
http::Response spa_redirect(const Services& services,
                            std::optional<std::string_view> signin_error = std::nullopt);

}  // namespace nicecream::api

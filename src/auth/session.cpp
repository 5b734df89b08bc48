#include "auth/session.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>

#include "auth/unix_time.hpp"

namespace nicecream::auth {
namespace {

namespace json = boost::json;

constexpr std::string_view kUserId = "user_id";
constexpr std::string_view kState = "state";
constexpr std::string_view kNonce = "nonce";
constexpr std::string_view kCodeVerifier = "code_verifier";
constexpr std::string_view kCsrfToken = "csrf_token";
constexpr std::string_view kIssuedAt = "issued_at";
// The Python original's layout (aiohttp-session): {"created": <unix seconds>, "session": {...}}.
constexpr std::string_view kOriginalCreated = "created";
constexpr std::string_view kOriginalSession = "session";

void put_if_set(json::object& object, std::string_view key, const std::string& value) {
  if (!value.empty()) {
    object[key] = value;
  }
}

// A missing field leaves `out` as it is; a field of the wrong type fails the whole session.
bool read_string(const json::object& object, std::string_view key, std::string& out) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) {
    return true;
  }
  if (!value->is_string()) {
    return false;
  }
  out = std::string(value->get_string());
  return true;
}

bool read_int(const json::object& object, std::string_view key, std::optional<std::int64_t>& out) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) {
    return true;
  }
  if (value->is_int64()) {
    out = value->get_int64();
    return true;
  }
  if (value->is_uint64() && value->get_uint64() <= INT64_MAX) {
    out = static_cast<std::int64_t>(value->get_uint64());
    return true;
  }
  return false;
}

}  // namespace

std::string session_to_json(const Session& session) {
  json::object object;
  if (session.user_id) {
    object[kUserId] = *session.user_id;
  }
  put_if_set(object, kState, session.oauth_state);
  put_if_set(object, kNonce, session.nonce);
  put_if_set(object, kCodeVerifier, session.code_verifier);
  put_if_set(object, kCsrfToken, session.csrf_token);
  object[kIssuedAt] = unix_seconds(session.issued_at);
  return json::serialize(object);
}

namespace {

// The checks both layouts share: ids are positive, times are plausible.
std::optional<Session> validated(Session session, std::optional<std::int64_t> issued_at) {
  if ((session.user_id && *session.user_id < 1) ||
      (issued_at && (*issued_at < 0 || *issued_at > kLatestPlausibleUnixSeconds))) {
    return std::nullopt;
  }
  session.issued_at = domain::Timestamp(std::chrono::seconds(issued_at.value_or(0)));
  return session;
}

std::optional<Session> session_from_our_layout(const json::object& object) {
  Session session;
  std::optional<std::int64_t> issued_at;
  if (!read_int(object, kUserId, session.user_id) ||
      !read_string(object, kState, session.oauth_state) ||
      !read_string(object, kNonce, session.nonce) ||
      !read_string(object, kCodeVerifier, session.code_verifier) ||
      !read_string(object, kCsrfToken, session.csrf_token) ||
      !read_int(object, kIssuedAt, issued_at)) {
    return std::nullopt;
  }
  return validated(std::move(session), issued_at);
}

// A cookie the original wrote, so its users stay signed in across the switch. Only who is signed
// in and the CSRF token carry over: a sign-in under way there (its `oauth2_state`) cannot finish
// here, since ours also needs a nonce and a PKCE verifier, so it is dropped and simply restarts.
std::optional<Session> session_from_original_layout(const json::object& object) {
  const auto& inner = object.at(kOriginalSession);
  if (!inner.is_object()) {
    return std::nullopt;
  }
  Session session;
  std::optional<std::int64_t> created;
  if (!read_int(inner.get_object(), kUserId, session.user_id) ||
      !read_string(inner.get_object(), kCsrfToken, session.csrf_token) ||
      !read_int(object, kOriginalCreated, created)) {
    return std::nullopt;
  }
  return validated(std::move(session), created);
}

}  // namespace

std::optional<Session> session_from_json(std::string_view text) {
  boost::system::error_code error;
  const json::value value = json::parse(text, error);
  if (error || !value.is_object()) {
    return std::nullopt;
  }
  const auto& object = value.get_object();
  return object.contains(kOriginalSession) ? session_from_original_layout(object)
                                           : session_from_our_layout(object);
}

}  // namespace nicecream::auth

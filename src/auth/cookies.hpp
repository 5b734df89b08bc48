#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nicecream::auth {

// Reads a Cookie request header (RFC 6265 §5.4) as browsers send it: `a=1; b="2"`. Pairs come
// in header order; quotes around a value are removed; pieces without a name or an `=` are
// skipped, so junk from other sites' cookies never fails a request.
std::vector<std::pair<std::string, std::string>> parse_cookie_header(std::string_view header);

// The first cookie of that name (browsers send the most specific path first).
std::optional<std::string> find_cookie(std::string_view header, std::string_view name);

enum class SameSite { lax, strict, none };

struct CookieAttributes {
  std::string path = "/";
  std::string domain;                           // empty: host-only
  std::optional<std::chrono::seconds> max_age;  // none: a browser-session cookie
  bool http_only = true;
  bool secure = true;
  SameSite same_site = SameSite::lax;
};

// A Set-Cookie header value. Throws std::invalid_argument when the name, value, path or domain
// holds characters that would break the header (a bug or a bad setting, never user input).
std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieAttributes& attributes);

// A Set-Cookie value that makes the browser drop the cookie: same name, path and domain, empty
// value, Max-Age=0 and an Expires in the past for old clients.
std::string delete_cookie(std::string_view name, CookieAttributes attributes);

}  // namespace nicecream::auth

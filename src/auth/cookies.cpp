#include "auth/cookies.hpp"

#include <algorithm>
#include <stdexcept>

#include "domain/text.hpp"

namespace nicecream::auth {
namespace {

std::string_view unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value.remove_prefix(1);
    value.remove_suffix(1);
  }
  return value;
}

// RFC 6265 §4.1.1 cookie-octet: visible ASCII except DQUOTE, comma, semicolon and backslash.
bool is_cookie_octet(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x21 && byte <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

// RFC 7230 tchar, the characters of a token (a cookie name).
bool is_token_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  constexpr std::string_view kSeparators = "()<>@,;:\\\"/[]?={} \t";
  return byte > 0x20 && byte < 0x7F && kSeparators.find(c) == std::string_view::npos;
}

// Path and Domain attribute values: any visible ASCII but the attribute separator.
bool is_attribute_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 && byte <= 0x7E && c != ';';
}

void require(bool ok, const char* what) {
  if (!ok) {
    throw std::invalid_argument(what);
  }
}

std::string_view same_site_name(SameSite same_site) {
  switch (same_site) {
    case SameSite::strict:
      return "Strict";
    case SameSite::none:
      return "None";
    case SameSite::lax:
      break;
  }
  return "Lax";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_cookie_header(std::string_view header) {
  std::vector<std::pair<std::string, std::string>> cookies;
  while (!header.empty()) {
    const auto end = header.find(';');
    const auto piece = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    const auto equals = piece.find('=');
    if (equals == std::string_view::npos) {
      continue;
    }
    const auto name = domain::trim(piece.substr(0, equals), domain::kBlanks);
    if (name.empty()) {
      continue;
    }
    cookies.emplace_back(
        std::string(name),
        std::string(unquote(domain::trim(piece.substr(equals + 1), domain::kBlanks))));
  }
  return cookies;
}

std::optional<std::string> find_cookie(std::string_view header, std::string_view name) {
  for (auto& [cookie_name, value] : parse_cookie_header(header)) {
    if (cookie_name == name) {
      return std::move(value);
    }
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieAttributes& attributes) {
  require(!name.empty() && std::all_of(name.begin(), name.end(), is_token_char),
          "cookie name is not a token");
  require(std::all_of(value.begin(), value.end(), is_cookie_octet),
          "cookie value holds characters a cookie cannot carry");
  require(std::all_of(attributes.path.begin(), attributes.path.end(), is_attribute_char),
          "cookie path holds characters a cookie cannot carry");
  require(std::all_of(attributes.domain.begin(), attributes.domain.end(), is_attribute_char),
          "cookie domain holds characters a cookie cannot carry");

  std::string header;
  header.append(name).append("=").append(value);
  if (!attributes.path.empty()) {
    header.append("; Path=").append(attributes.path);
  }
  if (!attributes.domain.empty()) {
    header.append("; Domain=").append(attributes.domain);
  }
  if (attributes.max_age) {
    header.append("; Max-Age=")
        .append(std::to_string(
            std::max<std::int64_t>(0, static_cast<std::int64_t>(attributes.max_age->count()))));
  }
  if (attributes.http_only) {
    header.append("; HttpOnly");
  }
  if (attributes.secure) {
    header.append("; Secure");
  }
  header.append("; SameSite=").append(same_site_name(attributes.same_site));
  return header;
}

std::string delete_cookie(std::string_view name, CookieAttributes attributes) {
  attributes.max_age = std::chrono::seconds(0);
  return set_cookie(name, "", attributes) + "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
}

}  // namespace nicecream::auth

#include "url/url.hpp"

#include <boost/url/parse.hpp>

namespace nicecream::url {

namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// RFC 3986 pchar: unreserved / pct-encoded / sub-delims / ":" / "@".
bool starts_pchar(char c) {
  static constexpr std::string_view kOthers = "-._~%!$&'()*+,;=:@";
  return is_alpha(c) || is_digit(c) || kOthers.find(c) != std::string_view::npos;
}

// "scheme:" then something that is neither "/" nor the start of a path segment: the path is empty
// and text follows it, which Boost 1.81 asserts on.
bool trips_boost_assertion(std::string_view text) {
  if (text.empty() || !is_alpha(text.front())) return false;
  std::size_t at = 1;
  while (at < text.size() && (is_alpha(text[at]) || is_digit(text[at]) || text[at] == '+' ||
                              text[at] == '-' || text[at] == '.'))
    ++at;
  if (at >= text.size() || text[at] != ':') return false;
  const auto rest = text.substr(at + 1);
  return !rest.empty() && rest.front() != '/' && !starts_pchar(rest.front());
}

}  // namespace

std::optional<boost::urls::url_view> parse_absolute_url(std::string_view text) {
  if (trips_boost_assertion(text)) return std::nullopt;
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::optional<boost::urls::url_view> parse_url_reference(std::string_view text) {
  if (trips_boost_assertion(text)) return std::nullopt;
  auto parsed = boost::urls::parse_uri_reference(text);
  if (!parsed) return std::nullopt;
  return *parsed;
}

}  // namespace nicecream::url

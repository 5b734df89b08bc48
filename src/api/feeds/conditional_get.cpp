#include "api/feeds/conditional_get.hpp"

#include <date/tz.h>  // date::format and date::parse (tz.h is what api may include)

#include <boost/beast/http/field.hpp>
#include <cstdint>
#include <sstream>

namespace nicecream::api {

namespace {

namespace bhttp = boost::beast::http;
using Seconds = std::chrono::sys_seconds;
constexpr const char* kHttpDate = "%a, %d %b %Y %H:%M:%S GMT";

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string http_date(domain::Timestamp at) {
  return date::format(kHttpDate, std::chrono::floor<std::chrono::seconds>(at));
}

// At -O3 g++ 12 sees date::parse's seconds field as maybe uninitialized where it inlines it here
// (a false positive in the library's header), which -Werror would make a Release build failure.
// clang (the fuzz build) has no such warning, nor the option.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
std::optional<Seconds> parse_http_date(std::string_view text) {
  std::istringstream in{std::string(text)};
  Seconds at;
  in >> date::parse(kHttpDate, at);
  if (in.fail()) return std::nullopt;
  return at;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// If-None-Match: "*" or a comma-separated list of entity tags; compared weakly (W/ ignored), as
// RFC 9110 asks for this header.
bool names_etag(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto tag = header.substr(0, comma);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

Validators validators_of(std::string_view body, domain::Id newest_id,
                         domain::Timestamp last_modified) {
  std::ostringstream etag;
  etag << '"' << newest_id << '-' << std::hex << fnv1a(body) << '"';
  return {etag.str(), last_modified};
}

bool not_modified(const http::Request& request, const Validators& validators) {
  const auto if_none_match = request.header("If-None-Match");
  if (!if_none_match.empty()) return names_etag(if_none_match, validators.etag);
  const auto since = parse_http_date(request.header("If-Modified-Since"));
  return since && std::chrono::floor<std::chrono::seconds>(validators.last_modified) <= *since;
}

void set_validators(http::Response& response, const Validators& validators) {
  response.message.set(bhttp::field::etag, validators.etag);
  response.message.set(bhttp::field::last_modified, http_date(validators.last_modified));
}

http::Response not_modified_response(const Validators& validators) {
  http::Response response;
  response.message.result(bhttp::status::not_modified);
  response.message.version(11);
  set_validators(response, validators);
  return response;
}

}  // namespace nicecream::api

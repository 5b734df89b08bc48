#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nicecream::http {

namespace beast_http = boost::beast::http;

using Message = beast_http::request<beast_http::string_body>;

// Query parameters in order, percent-decoded; a name may repeat.
struct QueryParams {
  std::vector<std::pair<std::string, std::string>> entries;

  std::optional<std::string_view> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
};

// Values captured by the route pattern; `{name:int}` captures are known to be integers.
struct PathParams {
  std::vector<std::pair<std::string, std::string>> entries;

  std::optional<std::string_view> get(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;  // only for `:int` captures
};

struct Request {
  Message message;
  std::string path;  // percent-decoded path, without the query
  QueryParams query;
  PathParams params;
  std::string remote_address;
  std::string route;  // the template of the route that answered (metrics, logs); "" when none

  std::string_view header(std::string_view name) const;
  beast_http::verb method() const { return message.method(); }
};

// Splits a request target into decoded path and query; nullopt when it is not a valid
// origin-form target (bad percent-encoding, absolute form, ...).
struct ParsedTarget {
  std::string path;
  QueryParams query;
};
std::optional<ParsedTarget> parse_target(std::string_view target);

}  // namespace nicecream::http

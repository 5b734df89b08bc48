#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/http_client.hpp"

namespace nicecream::testing {

// One Set-Cookie header: name, value and attributes (lower-case names; flags map to "").
struct SetCookie {
  std::string name;
  std::string value;
  std::map<std::string, std::string> attributes;

  bool has(const std::string& attribute) const { return attributes.contains(attribute); }
  std::string attribute(const std::string& name) const;
  bool deletes() const;  // Max-Age=0 or an empty value
};

// Every Set-Cookie header of a response, in order.
std::vector<SetCookie> set_cookies(const HttpResponse& response);
// The last Set-Cookie of that name (nullopt when the response sets none).
std::optional<SetCookie> set_cookie_named(const HttpResponse& response, const std::string& name);

// An HTTP client with a cookie jar, as a browser talks to one site: cookies set by answers are
// sent with later requests, deleted ones are dropped. Domain, path and expiry are not modelled:
// the tests talk to one host and check those attributes themselves.
class Browser {
 public:
  explicit Browser(std::uint16_t port) : client_(port) {}

  HttpResponse get(const std::string& target, std::map<std::string, std::string> headers = {});
  HttpResponse request(const std::string& method, const std::string& target,
                       const std::string& body = "",
                       std::map<std::string, std::string> headers = {});

  std::optional<std::string> cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { jar_[name] = value; }
  void forget_cookies() { jar_.clear(); }
  const std::map<std::string, std::string>& cookies() const { return jar_; }

 private:
  void remember(const HttpResponse& response);

  HttpClient client_;
  std::map<std::string, std::string> jar_;
};

}  // namespace nicecream::testing

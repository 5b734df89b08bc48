#include "integration/auth/browser.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace nicecream::testing {

namespace {

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

SetCookie parse_set_cookie(const std::string& header) {
  SetCookie cookie;
  std::istringstream parts(header);
  std::string part;
  bool first = true;
  while (std::getline(parts, part, ';')) {
    const auto equals = part.find('=');
    const auto name = trim(part.substr(0, equals));
    const auto value = equals == std::string::npos ? "" : trim(part.substr(equals + 1));
    if (first) {
      cookie.name = name;
      cookie.value = value;
      first = false;
    } else {
      cookie.attributes[lowercase(name)] = value;
    }
  }
  return cookie;
}

}  // namespace

std::string SetCookie::attribute(const std::string& name) const {
  const auto found = attributes.find(lowercase(name));
  return found == attributes.end() ? "" : found->second;
}

bool SetCookie::deletes() const {
  return value.empty() || attribute("max-age") == "0";
}

std::vector<SetCookie> set_cookies(const HttpResponse& response) {
  std::vector<SetCookie> cookies;
  std::istringstream lines(response.header("set-cookie"));
  std::string line;
  while (std::getline(lines, line))
    if (!line.empty()) cookies.push_back(parse_set_cookie(line));
  return cookies;
}

std::optional<SetCookie> set_cookie_named(const HttpResponse& response, const std::string& name) {
  std::optional<SetCookie> found;
  for (auto& cookie : set_cookies(response))
    if (cookie.name == name) found = std::move(cookie);
  return found;
}

HttpResponse Browser::get(const std::string& target, std::map<std::string, std::string> headers) {
  return request("GET", target, "", std::move(headers));
}

HttpResponse Browser::request(const std::string& method, const std::string& target,
                              const std::string& body, std::map<std::string, std::string> headers) {
  std::string cookie_header;
  for (const auto& [name, value] : jar_)
    cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie_header.empty()) headers.try_emplace("Cookie", cookie_header);
  auto response = client_.request(method, target, body, headers);
  remember(response);
  return response;
}

std::optional<std::string> Browser::cookie(const std::string& name) const {
  const auto found = jar_.find(name);
  if (found == jar_.end()) return std::nullopt;
  return found->second;
}

void Browser::remember(const HttpResponse& response) {
  for (const auto& cookie : set_cookies(response)) {
    if (cookie.deletes()) {
      jar_.erase(cookie.name);
    } else {
      jar_[cookie.name] = cookie.value;
    }
  }
}

}  // namespace nicecream::testing

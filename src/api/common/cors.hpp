#pragma once

#include <string>
#include <string_view>

#include "api/settings.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// Cross-origin access for the one origin of the settings, with the contract's header values.
class Cors {
 public:
  explicit Cors(CorsSettings settings) : settings_(std::move(settings)) {}

  bool allowed() const { return settings_.allowed; }
  // The answer to an OPTIONS preflight for a path whose routes answer `route_methods` (as
  // http::Router::allowed_methods lists them, e.g. "GET, POST").
  http::Response preflight(std::string_view route_methods) const;
  // The CORS headers every response carries when cross-origin access is allowed.
  void add_headers(http::Response& response) const;

 private:
  CorsSettings settings_;
};

// The contract's Access-Control-Allow-Methods, which the original web app's preflights expect
// whatever the path, followed by any other method of `route_methods`.
std::string allowed_methods_header(std::string_view route_methods);

}  // namespace nicecream::api

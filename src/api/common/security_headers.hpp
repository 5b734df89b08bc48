#pragma once

#include <string_view>

#include "http/response.hpp"

namespace nicecream::api {

// The headers that keep browsers from sniffing, framing or loading from elsewhere, with the
// Content-Security-Policy that fits the answer to `path`; HSTS when the site is HTTPS only.
void add_security_headers(std::string_view path, bool strict_transport_security,
                          http::Response& response);

}  // namespace nicecream::api

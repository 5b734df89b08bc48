#include "push/push_endpoint.hpp"

#include "url/url.hpp"

namespace nicecream::push {

std::optional<std::string> endpoint_origin(std::string_view endpoint, bool allow_http) {
  if (endpoint.size() > kMaxEndpointBytes) return std::nullopt;
  const auto parsed = url::parse_absolute_url(endpoint);
  if (!parsed || parsed->has_userinfo() || parsed->encoded_host().empty() || parsed->has_fragment())
    return std::nullopt;
  const auto scheme = parsed->scheme();
  if (scheme != "https" && !(allow_http && scheme == "http")) return std::nullopt;
  std::string origin = std::string(scheme) + "://" + std::string(parsed->encoded_host_and_port());
  return origin;
}

}  // namespace nicecream::push

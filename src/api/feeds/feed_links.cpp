#include "api/feeds/feed_links.hpp"

namespace nicecream::api {

std::string absolute_link(const Settings& settings, std::string_view path) {
  const auto& base = settings.spa_url;
  const auto scheme_end = base.find("://");
  if (scheme_end == std::string::npos) return std::string(path);
  const auto origin_end = base.find('/', scheme_end + 3);
  return base.substr(0, origin_end) + std::string(path);
}

}  // namespace nicecream::api

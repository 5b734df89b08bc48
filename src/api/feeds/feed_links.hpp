#pragma once

#include <string>
#include <string_view>

#include "api/settings.hpp"

namespace nicecream::api {

// Links are absolute when SPA_URL is (a deployment's public address); otherwise they are
// references against the feed's own URL, which Atom allows and readers resolve.
std::string absolute_link(const Settings& settings, std::string_view path);

}  // namespace nicecream::api

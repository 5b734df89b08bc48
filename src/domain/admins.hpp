#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::domain {

// API_ADMINS: comma-separated OpenID subjects or e-mail addresses, blanks around each ignored,
// empty items dropped.
std::vector<std::string> parse_admin_list(std::string_view comma_separated);

// Whether the list names the user: by subject (exact), or by e-mail (ignoring case), and only by
// an e-mail the provider verified (User::email holds no other).
bool is_admin(const std::vector<std::string>& admins, const User& user);

}  // namespace nicecream::domain

#include "domain/admins.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace nicecream::domain {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII case only: providers lowercase the domain, and local parts differing beyond ASCII case
// are different people.
bool same_address(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::vector<std::string> parse_admin_list(std::string_view comma_separated) {
  std::vector<std::string> admins;
  while (!comma_separated.empty()) {
    const auto comma = comma_separated.find(',');
    const auto item = trim(comma_separated.substr(0, comma), kBlanks);
    if (!item.empty()) admins.emplace_back(item);
    if (comma == std::string_view::npos) break;
    comma_separated.remove_prefix(comma + 1);
  }
  return admins;
}

bool is_admin(const std::vector<std::string>& admins, const User& user) {
  return std::ranges::any_of(admins, [&](const std::string& admin) {
    if (!user.sub.empty() && admin == user.sub) return true;
    return !user.email.empty() && admin.find('@') != std::string::npos &&
           same_address(admin, user.email);
  });
}

}  // namespace nicecream::domain

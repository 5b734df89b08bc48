#include "auth/user_claims.hpp"

#include <string>
#include <string_view>

#include "domain/text.hpp"

namespace nicecream::auth {
namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxPictureBytes = 2048;

std::string_view raw_string_claim(const boost::json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  return value != nullptr && value->is_string() ? std::string_view(value->get_string())
                                                : std::string_view{};
}

std::string_view string_claim(const boost::json::object& claims, std::string_view name) {
  return domain::trim(raw_string_claim(claims, name));
}

// Cuts to at most `limit` bytes without splitting a UTF-8 sequence.
std::string truncate_utf8(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) {
    return std::string(text);
  }
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return std::string(text.substr(0, end));
}

bool is_web_url(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

struct Names {
  std::string_view given;
  std::string_view family;
};

Names names_from(const boost::json::object& claims) {
  Names names{string_claim(claims, "given_name"), string_claim(claims, "family_name")};
  if (!names.given.empty()) {
    return names;
  }
  const auto full = string_claim(claims, "name");
  if (!full.empty()) {
    const auto space = full.find_first_of(" \t");
    names.given = full.substr(0, space);
    if (names.family.empty() && space != std::string_view::npos) {
      names.family = domain::trim(full.substr(space));
    }
    return names;
  }
  const auto email = string_claim(claims, "email");
  names.given = email.substr(0, email.find('@'));
  return names;
}

constexpr std::size_t kMaxEmailBytes = 320;  // RFC 3696's longest address

// Only an address the provider vouches for may name an admin (API_ADMINS). Some providers send
// the flag as the string "true".
std::string verified_email(const boost::json::object& claims) {
  const auto* verified = claims.if_contains("email_verified");
  const bool vouched =
      verified != nullptr && ((verified->is_bool() && verified->get_bool()) ||
                              (verified->is_string() && verified->get_string() == "true"));
  const auto email = string_claim(claims, "email");
  if (!vouched || email.size() > kMaxEmailBytes || email.find('@') == std::string_view::npos)
    return {};
  return std::string(email);
}

}  // namespace

domain::UserClaims user_claims_from(const boost::json::object& claims) {
  const auto names = names_from(claims);
  const auto picture = string_claim(claims, "picture");
  return domain::UserClaims{
      .sub = std::string(raw_string_claim(claims, "sub")),  // an identifier: exact
      .picture = is_web_url(picture) && picture.size() <= kMaxPictureBytes ? std::string(picture)
                                                                           : std::string(),
      .given_name = truncate_utf8(names.given, kMaxNameBytes),
      .family_name = truncate_utf8(names.family, kMaxNameBytes),
      .email = verified_email(claims),
  };
}

}  // namespace nicecream::auth

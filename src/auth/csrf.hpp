#pragma once

#include <string>
#include <string_view>

namespace nicecream::auth {

// The header a state-changing request must carry, echoing the readable CSRF cookie.
inline constexpr std::string_view kCsrfHeaderName = "X-Csrf-Token";

// 32 random bytes as unpadded base64url (43 characters).
std::string new_csrf_token();

// Double-submit check: the header's value equals the token kept in the session. A missing or
// empty value on either side is a mismatch.
bool csrf_token_matches(std::string_view header_value, std::string_view session_token);

}  // namespace nicecream::auth

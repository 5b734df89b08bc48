#include "auth/csrf.hpp"

#include "auth/constant_time.hpp"
#include "auth/random.hpp"

namespace nicecream::auth {

std::string new_csrf_token() {
  return random_url_token(32);
}

bool csrf_token_matches(std::string_view header_value, std::string_view session_token) {
  return !session_token.empty() && constant_time_equal(header_value, session_token);
}

}  // namespace nicecream::auth

#include "auth/pkce.hpp"

#include <algorithm>
#include <stdexcept>

#include "auth/base64.hpp"
#include "auth/digest.hpp"
#include "auth/random.hpp"

namespace nicecream::auth {
namespace {

constexpr std::size_t kMinVerifier = 43;
constexpr std::size_t kMaxVerifier = 128;

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string new_code_verifier() {
  return random_url_token(32);
}

bool is_valid_code_verifier(std::string_view verifier) {
  return verifier.size() >= kMinVerifier && verifier.size() <= kMaxVerifier &&
         std::all_of(verifier.begin(), verifier.end(), is_unreserved);
}

std::string code_challenge_s256(std::string_view verifier) {
  if (!is_valid_code_verifier(verifier)) {
    throw std::invalid_argument("a PKCE code verifier has 43 to 128 unreserved characters");
  }
  return encode_base64url(sha256(verifier), Padding::without);
}

std::string new_oauth_state() {
  return random_url_token(32);
}

std::string new_nonce() {
  return random_url_token(32);
}

}  // namespace nicecream::auth

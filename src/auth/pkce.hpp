#pragma once

#include <string>
#include <string_view>

namespace nicecream::auth {

// PKCE (RFC 7636) and the other one-time values of a sign-in.

// 32 random bytes as unpadded base64url: 43 characters, the shortest verifier allowed.
std::string new_code_verifier();

// 43 to 128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1).
bool is_valid_code_verifier(std::string_view verifier);

// BASE64URL(SHA256(verifier)) without padding, for code_challenge_method=S256.
// Throws std::invalid_argument for an invalid verifier.
std::string code_challenge_s256(std::string_view verifier);

// Unguessable values binding the provider's callback (state) and ID token (nonce) to a session.
std::string new_oauth_state();
std::string new_nonce();

}  // namespace nicecream::auth

#pragma once

#include <string>
#include <string_view>

#include "auth/oidc_client.hpp"
#include "auth/session.hpp"
#include "auth/sign_in_error.hpp"

namespace nicecream::auth {

// The sign-in dance as the HTTP handlers see it:
//   GET /user/google           begin_sign_in, write the session, 302 to the URL
//   GET /user/google/callback  finish_sign_in, write the session (always: it forgets the
//                              one-time values), store the user, complete_sign_in, write again,
//                              302 to the SPA (with ?signin_error=<code> on failure)

// Puts a fresh state, nonce and PKCE verifier in the session; the provider URL to redirect to.
// The session keeps its user, if any, until a new sign-in completes.
SignInResult<std::string> begin_sign_in(OidcClient& client, Session& session);

// The provider's redirect back to us: the query parameters of the callback URL.
struct CallbackParams {
  std::string_view state;
  std::string_view code;
  std::string_view error;  // set when the person or the provider refused
  std::string_view iss;    // RFC 9207; when present it must be our issuer (mix-up defence)
};

// Checks the state against the session, redeems the code and verifies the ID token. Clears the
// session's one-time values first, whatever the outcome, so a callback URL cannot be replayed.
SignInResult<domain::UserClaims> finish_sign_in(OidcClient& client, Session& session,
                                                const CallbackParams& callback,
                                                domain::Timestamp now);

// Once the user is stored: the session is theirs, with a new CSRF token.
void complete_sign_in(Session& session, domain::Id user_id, domain::Timestamp now);

}  // namespace nicecream::auth

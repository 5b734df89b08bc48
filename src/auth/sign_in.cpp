#include "auth/sign_in.hpp"

#include "auth/constant_time.hpp"
#include "auth/csrf.hpp"
#include "auth/pkce.hpp"

namespace nicecream::auth {
namespace {

struct PendingSignIn {
  std::string state;
  std::string nonce;
  std::string code_verifier;
};

PendingSignIn take_pending(Session& session) {
  PendingSignIn pending{std::move(session.oauth_state), std::move(session.nonce),
                        std::move(session.code_verifier)};
  session.oauth_state.clear();
  session.nonce.clear();
  session.code_verifier.clear();
  return pending;
}

}  // namespace

SignInResult<std::string> begin_sign_in(OidcClient& client, Session& session) {
  Session pending = session;
  pending.oauth_state = new_oauth_state();
  pending.nonce = new_nonce();
  pending.code_verifier = new_code_verifier();
  auto url = client.authorization_url(pending.oauth_state, pending.nonce,
                                      code_challenge_s256(pending.code_verifier));
  if (url) {
    session = std::move(pending);
  }
  return url;
}

SignInResult<domain::UserClaims> finish_sign_in(OidcClient& client, Session& session,
                                                const CallbackParams& callback,
                                                domain::Timestamp now) {
  const PendingSignIn pending = take_pending(session);
  if (pending.state.empty() || !constant_time_equal(callback.state, pending.state)) {
    return SignInError::state_mismatch;
  }
  if (!callback.error.empty()) {
    return SignInError::provider_denied;
  }
  if (!callback.iss.empty() && callback.iss != client.settings().issuer) {
    return SignInError::wrong_issuer;
  }
  if (callback.code.empty()) {
    return SignInError::missing_code;
  }
  return client.exchange_code(callback.code, pending.code_verifier, pending.nonce, now);
}

void complete_sign_in(Session& session, domain::Id user_id, domain::Timestamp now) {
  session.user_id = user_id;
  session.csrf_token = new_csrf_token();
  session.issued_at = now;
}

}  // namespace nicecream::auth

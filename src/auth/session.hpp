#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/models.hpp"

namespace nicecream::auth {

// What the encrypted session cookie holds. The sign-in values (state, nonce, code_verifier) live
// only between the redirect to the provider and its callback.
struct Session {
  std::optional<domain::Id> user_id;
  std::string oauth_state;
  std::string nonce;
  std::string code_verifier;
  std::string csrf_token;
  domain::Timestamp issued_at{};  // when this session began (sign-in or first write)

  bool signed_in() const { return user_id.has_value(); }
  bool sign_in_pending() const { return !oauth_state.empty(); }
  bool operator==(const Session&) const = default;
};

std::string session_to_json(const Session& session);
// nullopt unless `json` is an object whose known fields have the right types. Reads our layout
// and the Python original's ({"created", "session": {"user_id", "csrf_token"}}); writes ours.
std::optional<Session> session_from_json(std::string_view json);

}  // namespace nicecream::auth

#include "support/id_token_expectations.hpp"

#include <chrono>

#include "auth/user_claims.hpp"
#include "support/check.hpp"

namespace nicecream::fuzz {

auth::IdTokenExpectations id_token_expectations() {
  return {.issuer = kIssuer,
          .client_id = kClientId,
          .nonce = kNonce,
          .now = domain::Timestamp(std::chrono::seconds(kNowSeconds)),
          .leeway = std::chrono::seconds(60)};
}

void require_accepted_claims(const boost::json::object& claims) {
  const auto* iss = claims.if_contains("iss");
  require(iss != nullptr && iss->is_string() && iss->get_string() == kIssuer,
          "an accepted token comes from the issuer");
  const auto* nonce = claims.if_contains("nonce");
  require(nonce != nullptr && nonce->is_string() && nonce->get_string() == kNonce,
          "an accepted token carries our nonce");
  const auto user = auth::user_claims_from(claims);
  require(!user.sub.empty(), "an accepted token names its subject");
  require(user.picture.empty() || user.picture.starts_with("http"), "a picture is a web URL");
  require(user.given_name.size() <= 200 && user.family_name.size() <= 200, "names are cut to fit");
}

}  // namespace nicecream::fuzz

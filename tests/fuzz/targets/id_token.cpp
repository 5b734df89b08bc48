// An ID token as the token endpoint returns it, checked against a fixed key set. Seeds signed with
// those keys pass; mutations exercise every way a token can be refused.

#include "auth/id_token.hpp"

#include "support/check.hpp"
#include "support/fixed_keys.hpp"
#include "support/id_token_expectations.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& keys = fuzz::fixed_keys();
  const auto claims =
      auth::verify_id_token(fuzz::as_text(data, size), keys.jwks, fuzz::id_token_expectations());
  if (claims) fuzz::require_accepted_claims(*claims);
  return 0;
}

// Whatever header and claims a provider might sign: first line the JOSE header, the rest the
// claims, both JSON. The target signs them with the fixed key the header's alg asks for, so every
// claim check (and the user built from the claims) sees fuzzed input behind a valid signature.
#include <boost/json/parse.hpp>

#include "auth/id_token.hpp"
#include "support/check.hpp"
#include "support/fixed_keys.hpp"
#include "support/id_token_expectations.hpp"
#include "support/input.hpp"

using namespace nicecream;

namespace {

std::optional<boost::json::object> json_object(std::string_view text) {
  boost::system::error_code error;
  auto value = boost::json::parse(text, error);
  if (error || !value.is_object()) return std::nullopt;
  return std::move(value.get_object());
}

const auth::testing::SigningKey& key_for(const boost::json::object& header) {
  const auto* alg = header.if_contains("alg");
  const bool rsa = alg != nullptr && alg->is_string() && alg->get_string() == "RS256";
  return rsa ? fuzz::fixed_keys().rsa : fuzz::fixed_keys().ec;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [header_text, claims_text] = fuzz::split_first_line(fuzz::as_text(data, size));
  const auto header = json_object(header_text);
  const auto claims = json_object(claims_text);
  if (!header || !claims) return 0;
  const auto token = auth::testing::sign_jwt(*header, *claims, key_for(*header));
  const auto verified =
      auth::verify_id_token(token, fuzz::fixed_keys().jwks, fuzz::id_token_expectations());
  if (verified) fuzz::require_accepted_claims(*verified);
  return 0;
}

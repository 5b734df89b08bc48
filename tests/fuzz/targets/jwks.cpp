// A provider's JWKS document, and picking a key from it as ID token checking does.
#include "auth/jwk.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto keys = auth::parse_jwks(fuzz::as_text(data, size));
  if (!keys) return 0;
  for (const auto algorithm : {auth::JwsAlgorithm::rs256, auth::JwsAlgorithm::es256}) {
    for (const auto& jwk : *keys) {
      fuzz::require(jwk.key != nullptr, "every key in a parsed set is usable");
      const auto* chosen = auth::select_key(*keys, jwk.kid, algorithm);
      fuzz::require(chosen == nullptr || auth::key_fits(algorithm, chosen->key.get()),
                    "a selected key fits the algorithm");
    }
    const auto* any = auth::select_key(*keys, "", algorithm);
    fuzz::require(any == nullptr || auth::key_fits(algorithm, any->key.get()),
                  "a key selected without kid fits the algorithm");
  }
  return 0;
}

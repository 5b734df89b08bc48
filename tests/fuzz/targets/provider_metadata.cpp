// An OpenID provider's discovery document. First line: the configured issuer; the rest: the
// document.
#include "auth/provider_metadata.hpp"

#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

namespace {

bool is_web_url(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [issuer, document] = fuzz::split_first_line(fuzz::as_text(data, size));
  const auto metadata = auth::parse_provider_metadata(document, issuer);
  auth::discovery_url(issuer);
  if (!metadata) return 0;
  fuzz::require(metadata->issuer == issuer, "the document names the configured issuer");
  for (const auto* endpoint :
       {&metadata->authorization_endpoint, &metadata->token_endpoint, &metadata->jwks_uri}) {
    fuzz::require(is_web_url(*endpoint), "every endpoint is an http(s) URL");
    fuzz::require(endpoint->starts_with("https:") || issuer.starts_with("http:"),
                  "plain http only for an http issuer");
  }
  return 0;
}

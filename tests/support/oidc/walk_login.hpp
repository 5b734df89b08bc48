#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace nicecream::test_support {

// The test OpenID provider started by tests/support/oidc/start.sh, from NICECREAM_TEST_OIDC_*.
struct TestProvider {
  std::string issuer;
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;
};

inline constexpr std::string_view kStartTestProviderHint =
    "NICECREAM_TEST_OIDC_ISSUER is not set: start the test OpenID provider first with\n"
    "  eval \"$(tests/support/oidc/start.sh)\"\n"
    "(Node 20 and npm; it runs `npm ci` on first use).";

// nullopt when NICECREAM_TEST_OIDC_ISSUER is unset; the other settings default as start.sh's.
std::optional<TestProvider> test_provider_from_environment();

// Signs in at the test provider the way a browser would: follows `authorization_url`, fills in
// the login form as `login` (any password), and follows the redirects, keeping cookies, until the
// provider sends the browser away from itself. Returns that URL (the client's redirect_uri with
// code, state and iss). Throws std::runtime_error describing any unexpected answer.
std::string walk_login(const std::string& authorization_url, const std::string& login);

// The query parameters of a URL, decoded (the last one wins for repeated names).
std::map<std::string, std::string> query_parameters(std::string_view url);

}  // namespace nicecream::test_support

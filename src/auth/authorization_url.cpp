#include "auth/authorization_url.hpp"

#include <boost/url/url.hpp>
#include <stdexcept>

#include "url/url.hpp"

namespace nicecream::auth {

std::string authorization_url(std::string_view authorization_endpoint,
                              const AuthorizationRequest& request) {
  const auto parsed = url::parse_absolute_url(authorization_endpoint);
  if (!parsed) {
    throw std::invalid_argument("the authorization endpoint is not an absolute URL");
  }
  boost::urls::url url(*parsed);
  auto params = url.params();
  params.append({"response_type", "code"});
  params.append({"scope", kSignInScope});
  params.append({"client_id", request.client_id});
  params.append({"redirect_uri", request.redirect_uri});
  params.append({"state", request.state});
  params.append({"nonce", request.nonce});
  params.append({"code_challenge", request.code_challenge});
  params.append({"code_challenge_method", "S256"});
  params.append({"prompt", "select_account"});
  return std::string(url.buffer());
}

}  // namespace nicecream::auth

#pragma once

#include <boost/json/object.hpp>

#include "domain/models.hpp"

namespace nicecream::auth {

// The person an ID token describes, as we store them. Providers leave out what the person did
// not share: without given_name/family_name the `name` is split at its first space, without
// that the e-mail's local part becomes the given name. A picture that is not an http(s) URL is
// dropped (the web app puts it in an <img src>), and over-long values are cut at a character
// boundary. The e-mail is kept only when `email_verified` is true.
domain::UserClaims user_claims_from(const boost::json::object& id_token_claims);

}  // namespace nicecream::auth

#pragma once

#include <optional>
#include <string>

#include "domain/models.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// What a cacheable answer's validators are: a strong ETag (quoted) and the Last-Modified time.
struct Validators {
  std::string etag;
  domain::Timestamp last_modified{};
};

// The validators of a body whose newest item is `newest_id`: the ETag names that item and a hash
// of the body (so the same items under another query, or a renamed channel, differ too).
Validators validators_of(std::string_view body, domain::Id newest_id,
                         domain::Timestamp last_modified);

// True when the request's If-None-Match names the ETag (or is *), or, without If-None-Match, its
// If-Modified-Since is at or after Last-Modified (to the second, as HTTP dates go).
bool not_modified(const http::Request& request, const Validators& validators);

// Sets ETag and Last-Modified on an answer (200 or 304).
void set_validators(http::Response& response, const Validators& validators);

// A 304 with the validators and no body.
http::Response not_modified_response(const Validators& validators);

}  // namespace nicecream::api

#pragma once

#include <boost/json/object.hpp>
#include <variant>

#include "http/request.hpp"
#include "http/response.hpp"

namespace nicecream::api {

// A request's body as a JSON object, or the answer to send instead: 415 when it is not sent as
// application/json or does not parse, 422 on `body._schema` when it is JSON but not an object.
std::variant<boost::json::object, http::Response> read_json_object(const http::Request& request);

}  // namespace nicecream::api

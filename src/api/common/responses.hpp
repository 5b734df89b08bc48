#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "domain/validation.hpp"
#include "http/response.hpp"

namespace nicecream::api {

using Status = boost::beast::http::status;

http::Response json_response(Status status, const boost::json::value& body);
http::Response json_body_response(Status status, std::string body);
// {"detail": "<message>"}: every plain error has this one shape.
http::Response error_response(Status status, std::string_view message);
// 422 {"detail": {"<location>": {"<field>": ["..."]}}}
http::Response validation_response(const domain::ValidationErrors& errors);
http::Response redirect_response(std::string_view location);
// 405 {"detail": "Method Not Allowed"} with the path's methods in Allow.
http::Response method_not_allowed_response(std::string_view allow);

}  // namespace nicecream::api

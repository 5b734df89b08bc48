#include "api/common/cors.hpp"

#include <algorithm>
#include <boost/beast/http/field.hpp>

#include "api/common/header_list.hpp"
#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

namespace bhttp = boost::beast::http;

constexpr std::string_view kContractMethods = "OPTIONS,GET,POST,DELETE,PUT,PATCH";
constexpr std::string_view kAllowedHeaders = "Content-Type,X-Csrf-Token";
constexpr std::string_view kMaxAgeSeconds = "600";

}  // namespace

std::string allowed_methods_header(std::string_view route_methods) {
  std::string header(kContractMethods);
  const auto contract = header_list_items(kContractMethods);
  for (const auto method : header_list_items(route_methods))
    if (std::ranges::find(contract, method) == contract.end()) header.append(",").append(method);
  return header;
}

http::Response Cors::preflight(std::string_view route_methods) const {
  auto response = http::make_response(Status::no_content, "", "text/plain");
  response.message.set(bhttp::field::access_control_allow_methods,
                       allowed_methods_header(route_methods));
  return response;
}

void Cors::add_headers(http::Response& response) const {
  auto& message = response.message;
  message.set(bhttp::field::access_control_allow_origin, settings_.origin);
  message.set(bhttp::field::access_control_allow_credentials, "true");
  message.set(bhttp::field::access_control_expose_headers, "Content-Length");
  message.set(bhttp::field::access_control_max_age, kMaxAgeSeconds);
  message.set(bhttp::field::access_control_allow_headers, kAllowedHeaders);
  if (message.find(bhttp::field::access_control_allow_methods) == message.end())
    message.set(bhttp::field::access_control_allow_methods, kContractMethods);
  message.set(bhttp::field::vary, "Origin");
}

}  // namespace nicecream::api

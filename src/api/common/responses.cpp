#include "api/common/responses.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/json/serialize.hpp>

#include "api/common/json_views.hpp"

namespace nicecream::api {

namespace json = boost::json;
constexpr std::string_view kJson = "application/json";

http::Response json_body_response(Status status, std::string body) {
  return http::make_response(status, std::move(body), kJson);
}

http::Response json_response(Status status, const json::value& body) {
  return json_body_response(status, json::serialize(body));
}

http::Response error_response(Status status, std::string_view message) {
  return json_response(status, json::object{{"detail", message}});
}

http::Response validation_response(const domain::ValidationErrors& errors) {
  return json_response(Status::unprocessable_entity, json::object{{"detail", to_json(errors)}});
}

http::Response method_not_allowed_response(std::string_view allow) {
  auto response = error_response(Status::method_not_allowed, "Method Not Allowed");
  response.message.set(boost::beast::http::field::allow, allow);
  return response;
}

http::Response redirect_response(std::string_view location) {
  auto response = http::make_response(Status::found, "", "text/plain");
  response.message.set(boost::beast::http::field::location, location);
  response.message.set(boost::beast::http::field::cache_control, "no-store");
  return response;
}

}  // namespace nicecream::api

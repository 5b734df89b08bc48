#include "api/common/json_body.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/json/parse.hpp>

#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

constexpr std::string_view kSchemaField = "_schema";
constexpr std::string_view kNotAnObject = "Invalid input type.";

// `application/json`, in any case, with or without parameters such as `; charset=utf-8`.
bool is_json_media_type(std::string_view content_type) {
  auto media_type = content_type.substr(0, content_type.find(';'));
  while (!media_type.empty() && (media_type.back() == ' ' || media_type.back() == '\t'))
    media_type.remove_suffix(1);
  return boost::beast::iequals(media_type, "application/json");
}

}  // namespace

std::variant<boost::json::object, http::Response> read_json_object(const http::Request& request) {
  if (!is_json_media_type(request.header("Content-Type")))
    return error_response(Status::unsupported_media_type,
                          "The body must be JSON, sent as Content-Type: application/json.");
  boost::system::error_code error;
  auto value = boost::json::parse(request.message.body(), error);
  if (error) return error_response(Status::unsupported_media_type, "The body is not valid JSON.");
  if (!value.is_object()) {
    domain::ValidationErrors errors;
    errors.add("body", kSchemaField, std::string(kNotAnObject));
    return validation_response(errors);
  }
  return std::move(value.as_object());
}

}  // namespace nicecream::api

#include "http/response.hpp"

#include <boost/beast/http/field.hpp>

namespace nicecream::http {

Response make_response(boost::beast::http::status status, std::string body,
                       std::string_view content_type) {
  Response response;
  response.message.result(status);
  response.message.version(11);
  response.message.set(boost::beast::http::field::content_type, content_type);
  response.message.body() = std::move(body);
  return response;
}

}  // namespace nicecream::http

#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>
#include <string>
#include <string_view>

namespace nicecream::http {

class EventStream;

struct Response {
  boost::beast::http::response<boost::beast::http::string_body> message;
  // Set for long-lived streams (SSE): the server writes the message's headers, then hands the
  // connection to this coroutine until it returns.
  std::function<boost::asio::awaitable<void>(EventStream&)> stream;
};

Response make_response(boost::beast::http::status status, std::string body,
                       std::string_view content_type);

}  // namespace nicecream::http

#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace nicecream::http {

class EventStream;
class SerializedResponse;

struct Response {
  boost::beast::http::response<boost::beast::http::string_body> message;
  // Set for long-lived streams (SSE): the server writes the message's headers, then hands the
  // connection to this coroutine until it returns.
  std::function<boost::asio::awaitable<void>(EventStream&)> stream;
  // Set when the response is at hand already serialised (a cached page): the server writes these
  // bytes, and `message` holds only the status.
  std::shared_ptr<const SerializedResponse> serialized;
  // Set by a handler that keeps its response (a cache): called once with it as it is written,
  // every header included, which the server then writes.
  std::function<void(std::shared_ptr<const SerializedResponse>)> keep;
};

Response make_response(boost::beast::http::status status, std::string body,
                       std::string_view content_type);

}  // namespace nicecream::http

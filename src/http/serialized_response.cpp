#include "http/serialized_response.hpp"

#include <boost/beast/http/write.hpp>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace nicecream::http {

namespace {
constexpr std::string_view kEndOfHeaders = "\r\n\r\n";
constexpr std::string_view kConnectionClose = "\r\nConnection: close";
}  // namespace

SerializedResponse::SerializedResponse(Response& response)
    : status_(response.message.result_int()) {
  response.message.keep_alive(true);
  response.message.prepare_payload();
  std::ostringstream out;
  out << response.message;
  bytes_ = std::move(out).str();
  // Header values cannot hold a line break, so the first blank line ends the headers.
  head_end_ = bytes_.find(kEndOfHeaders);
  if (head_end_ == std::string::npos) throw std::logic_error("a response without a header end");
}

std::array<boost::asio::const_buffer, 3> SerializedResponse::buffers(bool keep_alive) const {
  const auto* data = bytes_.data();
  if (keep_alive) return {boost::asio::buffer(data, bytes_.size())};
  // The last header line, then one more, then the blank line and the body.
  return {boost::asio::buffer(data, head_end_), boost::asio::buffer(kConnectionClose),
          boost::asio::buffer(data + head_end_, bytes_.size() - head_end_)};
}

Response serialized_answer(std::shared_ptr<const SerializedResponse> serialized) {
  Response response;
  response.message.result(serialized->status());
  response.serialized = std::move(serialized);
  return response;
}

}  // namespace nicecream::http

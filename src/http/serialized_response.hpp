#pragma once

#include <array>
#include <boost/asio/buffer.hpp>
#include <memory>
#include <string>

#include "http/response.hpp"

namespace nicecream::http {

// A whole response (status line, headers, body) serialised once, so that a hot page costs one
// write of shared bytes instead of a message rebuilt and serialised per request (bench/http).
class SerializedResponse {
 public:
  // `response` as written to a keep-alive client: Content-Length set, no Connection header.
  explicit SerializedResponse(Response& response);

  // The bytes to write: as they are, or with `Connection: close` among the headers.
  std::array<boost::asio::const_buffer, 3> buffers(bool keep_alive) const;
  unsigned status() const { return status_; }
  std::size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
  std::size_t head_end_ = 0;  // where the blank line that ends the headers begins
  unsigned status_ = 0;
};

// A response that is these bytes, its message holding only the status (for the log).
Response serialized_answer(std::shared_ptr<const SerializedResponse> serialized);

}  // namespace nicecream::http

#include "http/serialized_response.hpp"

#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>
#include <string>

namespace nicecream::http {
namespace {

std::string joined(const std::array<boost::asio::const_buffer, 3>& buffers) {
  std::string text;
  for (const auto& buffer : buffers)
    text.append(static_cast<const char*>(buffer.data()), buffer.size());
  return text;
}

SerializedResponse page() {
  auto response = make_response(boost::beast::http::status::ok, "[1,2]", "application/json");
  response.message.set("X-Content-Type-Options", "nosniff");
  return SerializedResponse(response);
}

TEST(SerializedResponse, IsTheWholeResponseWithItsLengthForAKeepAliveClient) {
  EXPECT_EQ(joined(page().buffers(true)),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Content-Type-Options: "
            "nosniff\r\nContent-Length: 5\r\n\r\n[1,2]");
}

TEST(SerializedResponse, SaysConnectionCloseAmongTheHeadersWhenTheConnectionEnds) {
  EXPECT_EQ(joined(page().buffers(false)),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Content-Type-Options: "
            "nosniff\r\nContent-Length: 5\r\nConnection: close\r\n\r\n[1,2]");
}

TEST(SerializedResponse, AnAnswerFromItCarriesItsStatus) {
  auto response = make_response(boost::beast::http::status::not_found, "{}", "application/json");
  const auto answer = serialized_answer(std::make_shared<const SerializedResponse>(response));
  EXPECT_EQ(answer.message.result_int(), 404u);
  EXPECT_EQ(answer.serialized->status(), 404u);
}

}  // namespace
}  // namespace nicecream::http

#include "api/common/security_headers.hpp"

#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>

namespace nicecream::api {
namespace {

namespace bhttp = boost::beast::http;

std::string policy(std::string_view path, std::string_view content_type) {
  auto response = http::make_response(bhttp::status::ok, "", content_type);
  add_security_headers(path, false, response);
  return std::string(response.message["Content-Security-Policy"]);
}

TEST(SecurityHeaders, ThePolicyFitsWhatIsServed) {
  const auto data = policy("/history", "application/json");
  EXPECT_EQ(data, "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(policy("/docs/", "application/json"), data) << "only pages get a page's policy";
  const auto app = policy("/bookmarks", "text/html; charset=utf-8");
  EXPECT_NE(app.find("img-src 'self' data: https:"), std::string::npos) << "avatars";
  EXPECT_EQ(app.find("unsafe-inline"), std::string::npos);
  const auto docs = policy("/docs/", "text/html; charset=utf-8");
  EXPECT_NE(docs.find("style-src 'self' 'unsafe-inline'"), std::string::npos) << "Swagger UI";
}

TEST(SecurityHeaders, StrictTransportSecurityOnlyWhenAskedFor) {
  auto plain = http::make_response(bhttp::status::ok, "", "application/json");
  add_security_headers("/", false, plain);
  EXPECT_EQ(plain.message.find(bhttp::field::strict_transport_security), plain.message.end());
  EXPECT_EQ(plain.message["X-Frame-Options"], "DENY");
  auto secure = http::make_response(bhttp::status::ok, "", "application/json");
  add_security_headers("/", true, secure);
  EXPECT_EQ(secure.message[bhttp::field::strict_transport_security], "max-age=31536000");
}

}  // namespace
}  // namespace nicecream::api

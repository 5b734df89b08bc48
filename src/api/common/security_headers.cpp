#include "api/common/security_headers.hpp"

#include <boost/beast/http/field.hpp>

namespace nicecream::api {

namespace {

namespace bhttp = boost::beast::http;

// The app loads nothing from elsewhere but avatars; Swagger UI also sets inline styles.
constexpr std::string_view kAppPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
constexpr std::string_view kDocsPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'";
constexpr std::string_view kDataPolicy = "default-src 'none'; frame-ancestors 'none'";

std::string_view content_security_policy(std::string_view path, const http::Response& response) {
  const auto type = response.message[bhttp::field::content_type];
  if (!type.starts_with("text/html")) return kDataPolicy;
  return path.starts_with("/docs") ? kDocsPolicy : kAppPolicy;
}

}  // namespace

void add_security_headers(std::string_view path, bool strict_transport_security,
                          http::Response& response) {
  auto& message = response.message;
  message.set("X-Content-Type-Options", "nosniff");
  message.set("Referrer-Policy", "no-referrer");
  // An embeddable page brings its own policy, whose frame-ancestors lets others frame it; the
  // legacy X-Frame-Options cannot name origins, so it stays off there.
  const bool embeddable =
      path.starts_with("/embed/") && message.find("Content-Security-Policy") != message.end();
  if (!embeddable) {
    message.set("X-Frame-Options", "DENY");
    message.set("Content-Security-Policy", content_security_policy(path, response));
  }
  if (strict_transport_security)
    message.set(bhttp::field::strict_transport_security, "max-age=31536000");
}

}  // namespace nicecream::api

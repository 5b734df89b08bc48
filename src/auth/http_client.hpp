#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nicecream::auth {

// The request never got an answer: connection refused, name not found, timeout, an answer too
// large. The message names the failure and the URL's host, never a body or header.
class HttpError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct HttpResponse {
  long status = 0;
  std::string body;
};

struct HttpClientOptions {
  std::chrono::milliseconds timeout{10'000};  // the whole request, connect included
  std::size_t max_body_bytes = 1024 * 1024;
  std::string user_agent;  // OidcSettings::user_agent
};

// Blocking HTTP(S) for talking to an identity provider: one libcurl easy handle per request,
// no redirects followed, http and https only. Safe to use from several threads.
class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});

  HttpResponse get(const std::string& url) const;
  // POSTs an application/x-www-form-urlencoded body; `authorization` (if not empty) is sent as
  // the Authorization header.
  HttpResponse post_form(const std::string& url, std::string_view body,
                         std::string_view authorization = {}) const;

 private:
  HttpClientOptions options_;
};

}  // namespace nicecream::auth

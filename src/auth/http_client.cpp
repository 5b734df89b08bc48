#include "auth/http_client.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace nicecream::auth {
namespace {

using CurlPtr = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderListPtr = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// curl_global_init is not thread-safe; run it once before the first handle.
void initialize_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string body;
  std::size_t limit = 0;
  bool overflowed = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto& sink = *static_cast<Sink*>(user);
  const std::size_t bytes = size * count;
  if (sink.body.size() + bytes > sink.limit) {
    sink.overflowed = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink.body.append(data, bytes);
  return bytes;
}

std::string host_of(CURL* curl) {
  char* url = nullptr;
  curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &url);
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), curl_url_cleanup);
  char* host = nullptr;
  if (url == nullptr || !parsed || curl_url_set(parsed.get(), CURLUPART_URL, url, 0) != CURLUE_OK ||
      curl_url_get(parsed.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) {
    return "?";
  }
  std::string result(host);
  curl_free(host);
  return result;
}

HttpResponse perform(CURL* curl, const HttpClientOptions& options, curl_slist* headers) {
  Sink sink{.body = {}, .limit = options.max_body_bytes, .overflowed = false};
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  const CURLcode result = curl_easy_perform(curl);
  if (sink.overflowed) {
    throw HttpError("the answer from " + host_of(curl) + " is larger than " +
                    std::to_string(options.max_body_bytes) + " bytes");
  }
  if (result != CURLE_OK) {
    throw HttpError(std::string(curl_easy_strerror(result)) + " (" + host_of(curl) + ")");
  }
  HttpResponse response;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  response.body = std::move(sink.body);
  return response;
}

CurlPtr new_handle(const std::string& url) {
  initialize_curl_once();
  CurlPtr curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    throw HttpError("cannot create an HTTP client handle");
  }
  if (curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str()) != CURLE_OK) {
    throw HttpError("not a URL libcurl accepts");
  }
  return curl;
}

HeaderListPtr add_header(HeaderListPtr list, const std::string& header) {
  curl_slist* extended = curl_slist_append(list.get(), header.c_str());
  if (extended == nullptr) {
    throw HttpError("out of memory building request headers");
  }
  list.release();
  return HeaderListPtr(extended, curl_slist_free_all);
}

}  // namespace

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
  initialize_curl_once();
}

HttpResponse HttpClient::get(const std::string& url) const {
  const CurlPtr curl = new_handle(url);
  const HeaderListPtr headers =
      add_header(HeaderListPtr(nullptr, curl_slist_free_all), "Accept: application/json");
  return perform(curl.get(), options_, headers.get());
}

HttpResponse HttpClient::post_form(const std::string& url, std::string_view body,
                                   std::string_view authorization) const {
  const CurlPtr curl = new_handle(url);
  HeaderListPtr headers =
      add_header(HeaderListPtr(nullptr, curl_slist_free_all), "Accept: application/json");
  headers = add_header(std::move(headers), "Content-Type: application/x-www-form-urlencoded");
  if (!authorization.empty()) {
    headers = add_header(std::move(headers), "Authorization: " + std::string(authorization));
  }
  curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  return perform(curl.get(), options_, headers.get());
}

}  // namespace nicecream::auth

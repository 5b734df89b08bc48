#include "push/push_request.hpp"

#include <curl/curl.h>

#include <memory>

#include "outbound/target_guard.hpp"
#include "push/delivery_outcome.hpp"

namespace nicecream::push {
namespace {

using CurlPtr = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// The push service's answer body is a diagnostic we do not keep.
std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
}

int abort_when_cancelled(void* cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(cancel)->load() ? 1 : 0;
}

HeaderList headers_of(const PushRequest& request) {
  const std::string lines[] = {
      "Authorization: " + request.authorization,
      "Content-Encoding: aes128gcm",
      "Content-Type: application/octet-stream",
      "TTL: " + std::to_string(request.ttl.count()),
      "Urgency: " + request.urgency,
  };
  HeaderList list(nullptr, &curl_slist_free_all);
  for (const auto& line : lines) {
    auto* appended = curl_slist_append(list.get(), line.c_str());
    if (appended == nullptr) throw std::bad_alloc();
    list.release();
    list.reset(appended);
  }
  return list;
}

std::optional<std::chrono::seconds> retry_after_of(CURL* easy) {
  curl_header* header = nullptr;
  if (curl_easy_header(easy, "Retry-After", 0, CURLH_HEADER, -1, &header) != CURLHE_OK)
    return std::nullopt;
  return parse_retry_after(header->value);
}

}  // namespace

PushResponse post_push_message(const PushRequest& request, const std::atomic<bool>& cancel) {
  const CurlPtr easy(curl_easy_init(), &curl_easy_cleanup);
  if (!easy) throw std::bad_alloc();
  outbound::TargetGuard guard(request.allow_private_targets);
  const auto headers = headers_of(request);
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* handle = easy.get();
  curl_easy_setopt(handle, CURLOPT_URL, request.endpoint.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(handle, CURLOPT_USERAGENT, request.user_agent.c_str());
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &discard);
  curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &abort_when_cancelled);
  curl_easy_setopt(handle, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(&cancel));
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);
  guard.install(handle);

  PushResponse response;
  const CURLcode result = curl_easy_perform(handle);
  if (result != CURLE_OK) {
    response.refused = !guard.refusal().empty();
    response.error = !guard.refusal().empty()  ? guard.refusal()
                     : error_buffer[0] != '\0' ? std::string(error_buffer)
                                               : std::string(curl_easy_strerror(result));
    return response;
  }
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
  response.retry_after = retry_after_of(handle);
  return response;
}

}  // namespace nicecream::push

#include "crawler/fetcher.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "crawler/transfer.hpp"

namespace nicecream::crawler {

namespace {
CURLM* as_multi(void* multi) {
  return static_cast<CURLM*>(multi);
}

int milliseconds_until(std::chrono::steady_clock::time_point deadline) {
  using namespace std::chrono;
  const auto left = duration_cast<milliseconds>(deadline - steady_clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}
}  // namespace

void initialise_curl() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("libcurl could not be initialised");
  });
}

Fetcher::Fetcher(FetchLimits limits) : limits_(std::move(limits)) {
  initialise_curl();
  multi_ = curl_multi_init();
  if (multi_ == nullptr) throw std::runtime_error("libcurl multi handle could not be created");
}

Fetcher::~Fetcher() {
  for (auto& [easy, transfer] : transfers_) curl_multi_remove_handle(as_multi(multi_), easy);
  transfers_.clear();
  curl_multi_cleanup(as_multi(multi_));
}

void Fetcher::start(FetchRequest request) {
  auto transfer = std::make_unique<Transfer>(std::move(request), limits_);
  CURL* easy = transfer->handle();
  if (curl_multi_add_handle(as_multi(multi_), easy) != CURLM_OK)
    throw std::runtime_error("libcurl refused a transfer");
  transfers_.emplace(easy, std::move(transfer));
}

std::vector<FetchResponse> Fetcher::wait(std::chrono::steady_clock::time_point deadline) {
  int running = 0;
  curl_multi_perform(as_multi(multi_), &running);
  auto finished = collect_finished();
  if (!finished.empty()) return finished;
  curl_multi_poll(as_multi(multi_), nullptr, 0, milliseconds_until(deadline), nullptr);
  curl_multi_perform(as_multi(multi_), &running);
  return collect_finished();
}

void Fetcher::wake() {
  curl_multi_wakeup(as_multi(multi_));
}

std::vector<FetchResponse> Fetcher::collect_finished() {
  std::vector<FetchResponse> finished;
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(as_multi(multi_), &queued)) {
    if (message->msg != CURLMSG_DONE) continue;
    CURL* easy = message->easy_handle;
    const CURLcode result = message->data.result;
    const auto found = transfers_.find(easy);
    curl_multi_remove_handle(as_multi(multi_), easy);
    if (found == transfers_.end()) continue;
    finished.push_back(found->second->finish(result));
    transfers_.erase(found);
  }
  return finished;
}

}  // namespace nicecream::crawler

#pragma once

#include <curl/curl.h>

#include <memory>
#include <optional>
#include <string>

#include "crawler/fetch_types.hpp"
#include "crawler/sources/icy.hpp"
#include "outbound/target_guard.hpp"

namespace nicecream::crawler {

// One HTTP request on its own curl easy handle, with the callbacks that enforce the limits: the
// body cap, the 200-only rule, and the early stop once an ICY stream has shown its title.
class Transfer {
 public:
  Transfer(FetchRequest request, const FetchLimits& limits);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  CURL* handle() const { return easy_; }
  // Turns curl's verdict and what the callbacks saw into the response.
  FetchResponse finish(CURLcode result);

 private:
  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self);
  void read_header_line(std::string_view line);
  bool accept_body(std::string_view chunk);  // false: stop the transfer
  bool check_answer_starts();
  long status() const;

  FetchRequest request_;
  outbound::TargetGuard guard_;
  std::size_t max_body_bytes_;
  CURL* easy_ = nullptr;
  curl_slist* headers_ = nullptr;
  curl_slist* status_aliases_ = nullptr;
  char error_buffer_[CURL_ERROR_SIZE] = {};

  std::string content_type_;
  std::optional<std::size_t> icy_metaint_;
  std::string body_;
  bool answer_checked_ = false;
  std::optional<sources::IcyMetadataReader> icy_reader_;
  bool stopped_at_title_ = false;
  std::string stop_reason_;  // why a callback ended the transfer early
};

}  // namespace nicecream::crawler

#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "domain/models.hpp"

namespace nicecream::crawler {

// Taken from CrawlerSettings (limits_of in crawler.cpp), which holds their defaults.
struct FetchLimits {
  std::string user_agent;
  std::chrono::milliseconds timeout{};  // whole transfer, connect included
  std::size_t max_body_bytes = 0;       // past this: "body too large"
  long max_redirects = 5;
  bool allow_private_targets = false;  // loopback, private, link-local... (outbound/)
};

struct FetchRequest {
  domain::Id channel_id = 0;
  std::string url;
  bool icy_metadata = false;  // send Icy-MetaData: 1, stop at the first StreamTitle of a stream
};

// One finished transfer: either an error, or a 200 answer (for an ICY stream: the bytes up to and
// including the first StreamTitle block).
struct FetchResponse {
  domain::Id channel_id = 0;
  std::string error;  // empty: the answer can be parsed
  std::string content_type;
  std::optional<std::size_t> icy_metaint;
  std::string body;

  bool failed() const { return !error.empty(); }
};

}  // namespace nicecream::crawler

#pragma once

#include <spdlog/formatter.h>

#include <memory>

namespace nicecream::cli {

// API_LOG_FORMAT=json: each line one JSON object, {"time": ISO 8601 UTC, "level", "message"}.
// The request lines come from http as a JSON object already ({"message", "method", "route",
// "status", "duration_us", "client", ...}, http::LogFormat::json): their members follow time and
// level in the same object, so a log shipper reads the request fields without parsing text.
class JsonLogFormat final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& out) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace nicecream::cli

#include "cli/json_log_format.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <chrono>
#include <string>
#include <string_view>

#include "domain/timestamp.hpp"

namespace nicecream::cli {

namespace {
// The API's own timestamp form (microseconds, UTC, +00:00).
std::string utc_time(std::chrono::system_clock::time_point time) {
  return domain::format_timestamp(std::chrono::floor<std::chrono::microseconds>(time));
}

void append(spdlog::memory_buf_t& out, std::string_view text) {
  out.append(text.data(), text.data() + text.size());
}

// A message that is a JSON object whose first member is "message" (http's request lines).
bool is_structured(std::string_view payload) {
  return payload.starts_with("{\"message\":") && payload.ends_with('}');
}
}  // namespace

void JsonLogFormat::format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& out) {
  const std::string_view payload(message.payload.data(), message.payload.size());
  const auto level = spdlog::level::to_string_view(message.level);
  append(out, "{\"time\":\"" + utc_time(message.time) + "\",\"level\":\"");
  append(out, std::string_view(level.data(), level.size()));
  append(out, "\",");
  if (is_structured(payload)) {
    append(out, payload.substr(1));
  } else {
    append(out, "\"message\":");
    append(out, boost::json::serialize(boost::json::string(payload)));
    append(out, "}");
  }
  append(out, "\n");
}

std::unique_ptr<spdlog::formatter> JsonLogFormat::clone() const {
  return std::make_unique<JsonLogFormat>();
}

}  // namespace nicecream::cli

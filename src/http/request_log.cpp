#include "http/request_log.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "metrics/app_metrics.hpp"

namespace nicecream::http {

namespace {
std::string text_line(const RequestRecord& record) {
  auto line = std::string(record.method.empty() ? "-" : record.method) + " " +
              std::string(record.target.empty() ? "-" : record.target) + " " +
              std::to_string(record.status) + " " + std::to_string(record.duration.count()) + "us";
  if (!record.note.empty())
    line += " (" + std::string(record.note) + "; from " + std::string(record.client) + ")";
  return line;
}

std::string quoted(std::string_view text) {
  return "\"" + json_escape(text) + "\"";
}
}  // namespace

std::string json_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      escaped.push_back('\\');
      escaped.push_back(c);
    } else if (byte < 0x20) {
      char code[8];
      std::snprintf(code, sizeof code, "\\u%04x", byte);
      escaped.append(code);
    } else {
      escaped.push_back(c);
    }
  }
  return escaped;
}

std::string format_request_line(const RequestRecord& record, LogFormat format) {
  if (format == LogFormat::text) return text_line(record);
  auto line = "{\"message\":" + quoted(text_line(record)) + ",\"method\":" + quoted(record.method) +
              ",\"target\":" + quoted(record.target) + ",\"route\":" + quoted(record.route) +
              ",\"status\":" + std::to_string(record.status) +
              ",\"duration_us\":" + std::to_string(record.duration.count()) +
              ",\"client\":" + quoted(record.client);
  if (!record.note.empty()) line += ",\"error\":" + quoted(record.note);
  return line + "}";
}

void log_request(const RequestRecord& record, LogFormat format) {
  spdlog::info("{}", format_request_line(record, format));
}

void count_request(const RequestRecord& record, std::chrono::steady_clock::duration answered) {
  auto& metrics = metrics::app();
  const auto status = std::to_string(record.status);
  metrics.http_requests.with({record.route, record.method, status}).add();
  metrics.http_request_duration.with({record.route})
      .observe(std::chrono::duration<double>(answered).count());
}

}  // namespace nicecream::http

#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace nicecream::http {

// How the one line per request is written: `GET /x 200 12us` or, for API_LOG_FORMAT=json, a
// JSON object whose first member is that text as "message" and whose others are the fields
// (cli's JSON log format puts time and level in front of them).
enum class LogFormat { text, json };

struct RequestRecord {
  std::string_view method = {};
  std::string_view target = {};  // as the client sent it
  std::string_view route = {};   // the route template that answered, or metrics::kUnmatchedRoute
  unsigned status = 0;
  std::chrono::microseconds duration = {};
  std::string_view client = {};
  std::string_view note = {};  // why a request could not be read, if it could not
};

std::string format_request_line(const RequestRecord& record, LogFormat format);
void log_request(const RequestRecord& record, LogFormat format);

// Counts the request in nicecream_http_requests_total and its time to answer (an event stream's
// headers, not the whole stream) in nicecream_http_request_duration_seconds.
void count_request(const RequestRecord& record, std::chrono::steady_clock::duration answered);

// `text` as the inside of a JSON string.
std::string json_escape(std::string_view text);

}  // namespace nicecream::http

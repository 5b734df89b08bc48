#include "crawler/transfer.hpp"

#include <charconv>
#include <string_view>

#include "crawler/sources/ascii_text.hpp"

namespace nicecream::crawler {

namespace {
using sources::starts_with_ignoring_case;
using sources::trim_blanks;

constexpr std::string_view kAllowedProtocols = "http,https";

std::optional<std::size_t> parse_size(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool is_audio(std::string_view content_type) {
  return starts_with_ignoring_case(content_type, "audio/") ||
         starts_with_ignoring_case(content_type, "application/ogg");
}

std::string describe(CURLcode result, const char* error_buffer) {
  switch (result) {
    case CURLE_OPERATION_TIMEDOUT:
      return "timeout";
    case CURLE_COULDNT_RESOLVE_HOST:
      return "could not resolve host";
    case CURLE_COULDNT_CONNECT:
      return "connection refused";
    case CURLE_TOO_MANY_REDIRECTS:
      return "too many redirects";
    case CURLE_FILESIZE_EXCEEDED:
      return "body too large";
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "only http and https URLs are allowed";
    default:
      break;
  }
  if (error_buffer[0] != '\0') return error_buffer;
  return curl_easy_strerror(result);
}
}  // namespace

Transfer::Transfer(FetchRequest request, const FetchLimits& limits)
    : request_(std::move(request)),
      guard_(limits.allow_private_targets),
      max_body_bytes_(limits.max_body_bytes),
      easy_(curl_easy_init()) {
  if (easy_ == nullptr) throw std::bad_alloc();
  curl_easy_setopt(easy_, CURLOPT_URL, request_.url.c_str());
  curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, kAllowedProtocols.data());
  curl_easy_setopt(easy_, CURLOPT_REDIR_PROTOCOLS_STR, kAllowedProtocols.data());
  curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy_, CURLOPT_MAXREDIRS, limits.max_redirects);
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.timeout.count()));
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.timeout.count()));
  curl_easy_setopt(easy_, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(limits.max_body_bytes));
  curl_easy_setopt(easy_, CURLOPT_USERAGENT, limits.user_agent.c_str());
  curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "");  // the cap applies to decoded bytes
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy_, CURLOPT_PRIVATE, this);
  guard_.install(easy_);
  // SHOUTcast v1 answers a stream request with "ICY 200 OK" instead of an HTTP status line.
  status_aliases_ = curl_slist_append(status_aliases_, "ICY 200 OK");
  curl_easy_setopt(easy_, CURLOPT_HTTP200ALIASES, status_aliases_);
  if (request_.icy_metadata) {
    headers_ = curl_slist_append(headers_, "Icy-MetaData: 1");
    curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
  }
}

Transfer::~Transfer() {
  curl_easy_cleanup(easy_);
  curl_slist_free_all(headers_);
  curl_slist_free_all(status_aliases_);
}

std::size_t Transfer::on_header(char* data, std::size_t size, std::size_t count, void* self) {
  static_cast<Transfer*>(self)->read_header_line({data, size * count});
  return size * count;
}

std::size_t Transfer::on_body(char* data, std::size_t size, std::size_t count, void* self) {
  const auto bytes = size * count;
  return static_cast<Transfer*>(self)->accept_body({data, bytes}) ? bytes : 0;
}

void Transfer::read_header_line(std::string_view line) {
  // Each answer of a redirect chain starts with its status line; only the last one counts.
  if (starts_with_ignoring_case(line, "HTTP/") || starts_with_ignoring_case(line, "ICY ")) {
    content_type_.clear();
    icy_metaint_.reset();
    return;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const auto name = line.substr(0, colon);
  const auto value = trim_blanks(line.substr(colon + 1));
  if (sources::ascii_lower(name) == "content-type") content_type_ = value;
  if (sources::ascii_lower(name) == "icy-metaint") icy_metaint_ = parse_size(value);
}

long Transfer::status() const {
  long code = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &code);
  return code;
}

// Decides, at the first body bytes, whether this answer is worth reading at all.
bool Transfer::check_answer_starts() {
  answer_checked_ = true;
  if (const auto code = status(); code != 200) {
    stop_reason_ = "HTTP " + std::to_string(code);
    return false;
  }
  if (icy_metaint_) {
    icy_reader_.emplace(*icy_metaint_);
  } else if (is_audio(content_type_)) {
    stop_reason_ = "audio stream without ICY metadata (no icy-metaint)";
    return false;
  }
  return true;
}

bool Transfer::accept_body(std::string_view chunk) {
  if (!answer_checked_ && !check_answer_starts()) return false;
  if (body_.size() + chunk.size() > max_body_bytes_) {
    stop_reason_ = "body too large";
    return false;
  }
  body_.append(chunk);
  if (icy_reader_) {
    icy_reader_->feed(chunk);
    stopped_at_title_ = icy_reader_->done();
    if (stopped_at_title_) return false;  // the title is in: the rest of the stream is not needed
  }
  return true;
}

FetchResponse Transfer::finish(CURLcode result) {
  FetchResponse response{request_.channel_id, {}, content_type_, icy_metaint_, std::move(body_)};
  if (stopped_at_title_) return response;
  if (!stop_reason_.empty()) {
    response.error = stop_reason_;
  } else if (result != CURLE_OK) {
    response.error = guard_.refusal().empty() ? describe(result, error_buffer_) : guard_.refusal();
  } else if (const auto code = status(); code != 200) {
    response.error = "HTTP " + std::to_string(code);
  }
  if (response.failed()) response.body.clear();
  return response;
}

}  // namespace nicecream::crawler

#include "http_probe.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <stdexcept>

#include "domain/pages.hpp"

namespace nicecream::testing {

namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// Keeps the two headers the fault tests look at.
std::size_t read_header(char* data, std::size_t size, std::size_t count, void* out) {
  auto& answer = *static_cast<Answer*>(out);
  std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    if (name == "content-type") answer.content_type = value;
    if (name == "retry-after") answer.retry_after = value;
  }
  return size * count;
}

Item item_of(const boost::json::object& item) {
  return {item.at("id").as_int64(), item.at("channel_id").as_int64(),
          std::string(item.at("song_title").as_string())};
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const Answer& answer) {
  if (answer.status == 0) return out << "no answer (" << answer.failure << ")";
  return out << answer.status << " " << answer.content_type << " Retry-After: \""
             << answer.retry_after << "\" " << answer.body.substr(0, 300);
}

Answer get_within(std::uint16_t port, const std::string& target, std::chrono::milliseconds limit) {
  Answer answer;
  CURL* easy = curl_easy_init();
  const auto url = "http://127.0.0.1:" + std::to_string(port) + target;
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(limit.count()));
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &read_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &answer);
  if (const auto result = curl_easy_perform(easy); result != CURLE_OK) {
    answer.failure = curl_easy_strerror(result);
  } else {
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    answer.status = static_cast<int>(status);
  }
  curl_easy_cleanup(easy);
  return answer;
}

bool is_unavailable_answer(const Answer& answer) {
  if (answer.status != 503 || answer.retry_after.empty() ||
      !answer.content_type.starts_with("application/json"))
    return false;
  boost::system::error_code error;
  const auto json = boost::json::parse(answer.body, error);
  if (error || !json.is_object()) return false;
  const auto* detail = json.as_object().if_contains("detail");
  return detail != nullptr && detail->is_string() && !detail->as_string().empty();
}

std::ostream& operator<<(std::ostream& out, const Item& item) {
  return out << "{" << item.id << ", channel " << item.channel_id << ", \"" << item.song_title
             << "\"}";
}

Item item_from_json(const std::string& json) {
  return item_of(boost::json::parse(json).as_object());
}

std::vector<Item> all_history(std::uint16_t port, const std::string& filter) {
  std::vector<Item> items;  // newest first while paging
  std::string before;
  for (;;) {
    const auto target = "/history?limit=" + std::to_string(domain::kMaxPageSize) + before + filter;
    const auto answer = get_within(port, target, std::chrono::seconds{30});
    if (answer.status != 200)
      throw std::runtime_error("GET " + target + ": " +
                               (answer.status ? answer.body : answer.failure));
    const auto page = boost::json::parse(answer.body).as_array();
    for (const auto& item : page) items.push_back(item_of(item.as_object()));
    if (page.size() < static_cast<std::size_t>(domain::kMaxPageSize)) break;
    before = "&before=" + std::to_string(items.back().id);
  }
  std::reverse(items.begin(), items.end());
  return items;
}

std::vector<std::string> titles_of(std::uint16_t port, domain::Id channel_id) {
  std::vector<std::string> titles;
  for (const auto& item : all_history(port, "&channel_id=" + std::to_string(channel_id)))
    titles.push_back(item.song_title);
  return titles;
}

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot find a free loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace nicecream::testing
